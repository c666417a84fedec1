package dev.rollupstudio.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.app.Explorers;
import dev.rollupstudio.app.Runtimes;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.TxEncoder;
import dev.rollupstudio.chain.TxType;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.contracts.Artifact;
import dev.rollupstudio.contracts.GenesisContracts;
import dev.rollupstudio.evm.Evm;
import dev.rollupstudio.explorer.ExplorerModel.AccountDetail;
import dev.rollupstudio.explorer.ExplorerModel.TxDetail;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.chain.Keccak;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer on contracts: a created contract's code and creation transaction, decoded ERC-20
 * and ERC-721 Transfer events, and the reason of every kind of failure (a require message, a
 * custom error, running out of gas, an invalid opcode), each a normal included transaction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractExplorerTest {
    private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
    /** Initcode that deploys the one-byte runtime 0xFE (INVALID). */
    private static final String INVALID_CONTRACT = "0x60fe60005360016000f3";
    /** Initcode that deploys 1,025 PUSH0s: the 1,025th overflows the stack. */
    private static final String OVERFLOW_CONTRACT = "0x6104018060" + "0a" + "5f395ff3" + "5f".repeat(1025);
    private RollupRuntime rt;
    private ExplorerQueries explorer;
    private List<Transaction> txs;
    private Address created;

    private Transaction tx(long nonce, Address to, byte[] data, long gas) {
        UnsignedTransaction u = new UnsignedTransaction(TxType.DYNAMIC_FEE, rt.options().rollup().chainId(), nonce, GWEI, GWEI.multiply(BigInteger.TEN),
                gas, to, BigInteger.ZERO, data, List.of());
        return TxEncoder.sign(u, rt.accounts().key(0));
    }

    @BeforeAll
    void run(@TempDir Path dir) {
        rt = Runtimes.open(RuntimeOptions.defaults().withDatabase(dir.resolve("chain")));
        Address me = rt.accounts().address(0);
        Address friend = rt.accounts().address(1);
        created = Evm.createAddress(me, 6);
        txs = List.of(
                tx(0, GenesisContracts.TOKEN, Abi.call("transfer(address,uint256)", friend, BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(25))), 80_000),
                tx(1, GenesisContracts.COLLECTIBLE, Abi.call("mint()"), 150_000),
                tx(2, GenesisContracts.COLLECTIBLE, Abi.call("mintBatch(uint256)", 21), 150_000),
                tx(3, GenesisContracts.TOKEN, Abi.call("transfer(address,uint256)", friend, GenesisContracts.TOKENS_EACH.multiply(BigInteger.TWO)), 80_000),
                tx(4, GenesisContracts.TOKEN, Abi.call("transfer(address,uint256)", friend, BigInteger.ONE), 23_000),
                tx(5, GenesisContracts.COLLECTIBLE, Abi.call("mint()"), 150_000),
                tx(6, null, dev.rollupstudio.types.Bytes.fromHex(INVALID_CONTRACT), 100_000),
                tx(7, created, new byte[0], 60_000),
                tx(8, null, dev.rollupstudio.types.Bytes.fromHex(OVERFLOW_CONTRACT), 500_000),
                tx(9, Evm.createAddress(me, 8), new byte[0], 70_000));
        rt.submitAll(txs);
        rt.runFor(60_000);
        explorer = Explorers.open(dir.resolve("chain")).orElseThrow();
    }

    @AfterAll
    void close() {
        explorer.close();
        rt.close();
    }

    private TxDetail detail(int i) {
        return explorer.transaction(txs.get(i).hash()).orElseThrow();
    }

    @Test
    void transferEventsAreDecoded() {
        TxDetail transfer = detail(0);
        assertThat(transfer.success()).isTrue();
        assertThat(transfer.logs()).hasSize(1);
        assertThat(Decoded.log(transfer.logs().get(0))).isEqualTo("ERC-20 Transfer 25 STT from 0xf39F…2266 to 0x7099…79C8");
        assertThat(Decoded.log(detail(1).logs().get(0))).isEqualTo("ERC-721 Mint token #0 to 0xf39F…2266");
        assertThat(Decoded.log(detail(5).logs().get(0))).isEqualTo("ERC-721 Mint token #1 to 0xf39F…2266");
    }

    @Test
    void revertsShowTheirReason() {
        TxDetail tooMany = detail(2);
        assertThat(tooMany.success()).isFalse();
        assertThat(tooMany.gasUsed()).isGreaterThan(21_000); // included, and it paid for its gas
        assertThat(Decoded.failure(tooMany.error(), tooMany.revertData())).isEqualTo("reverted: \"mint 1 to 20 per call\"");
        TxDetail overdraw = detail(3);
        assertThat(Decoded.failure(overdraw.error(), overdraw.revertData())).isEqualTo(
                "reverted with custom error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed): 0xf39F…2266, "
                        + GenesisContracts.TOKENS_EACH.subtract(BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(25))) + ", "
                        + GenesisContracts.TOKENS_EACH.multiply(BigInteger.TWO));
        // an unknown custom error is shown as its selector and arguments
        assertThat(Decoded.failure("reverted", Abi.call("Unknown(uint256)", 7))).isEqualTo(
                "reverted with custom error " + dev.rollupstudio.types.Bytes.toHex(Abi.selector("Unknown(uint256)")) + ": 0x" + "0".repeat(63) + "7");
    }

    @Test
    void haltsShowTheirReasonAndUseAllTheirGas() {
        TxDetail starved = detail(4);
        assertThat(starved.success()).isFalse();
        assertThat(starved.gasUsed()).isEqualTo(23_000);
        assertThat(Decoded.failure(starved.error(), starved.revertData())).isEqualTo("out of gas");
        TxDetail invalid = detail(7);
        assertThat(invalid.success()).isFalse();
        assertThat(invalid.gasUsed()).isEqualTo(60_000);
        assertThat(Decoded.failure(invalid.error(), invalid.revertData())).isEqualTo("invalid opcode 0xfe");
        TxDetail overflow = detail(9);
        assertThat(overflow.success()).isFalse();
        assertThat(overflow.gasUsed()).isEqualTo(70_000);
        assertThat(Decoded.failure(overflow.error(), overflow.revertData())).isEqualTo("stack overflow");
        // the chain went on: the mint after the failures succeeded
        assertThat(detail(5).success()).isTrue();
    }

    @Test
    void aContractShowsItsCodeAndCreation() {
        TxDetail creation = detail(6);
        assertThat(creation.success()).isTrue();
        assertThat(creation.contractAddress()).isEqualTo(created);
        AccountDetail c = explorer.account(created, 10);
        assertThat(c.isContract()).isTrue();
        assertThat(c.codeSize()).isEqualTo(1);
        assertThat(c.codeHash()).isEqualTo(Keccak.hash(new byte[] {(byte) 0xFE}));
        assertThat(c.creationTx()).isEqualTo(txs.get(6).hash());
        AccountDetail token = explorer.account(GenesisContracts.TOKEN, 10);
        assertThat(token.codeSize()).isEqualTo(Artifact.load("StudioToken").deployedBytecode().length);
        assertThat(token.creationTx()).isNull(); // deployed in the genesis allocation
        assertThat(explorer.account(rt.accounts().address(0), 10).isContract()).isFalse();
    }
}
