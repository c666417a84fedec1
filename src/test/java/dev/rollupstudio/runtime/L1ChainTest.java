package dev.rollupstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.app.Runtimes;
import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.TxEncoder;
import dev.rollupstudio.chain.TxType;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.evm.Evm;
import dev.rollupstudio.evm.ReadOnlyCall;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.runtime.l1.OutputProposal;
import dev.rollupstudio.runtime.l1.SystemContracts;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import dev.rollupstudio.workload.Load;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded L1 is an EVM chain: signed transactions move ETH and run contracts, blocks commit
 * to a state root, the portal's depositTransaction and receive() bridge ETH to L2 (and refuse
 * what this devnet does not support, with a reason), the output oracle answers OP's ABI, and the
 * L1 state is rebuilt exactly after a restart.
 */
class L1ChainTest {
    private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
    private static final Address FRESH = Address.fromHex("0x00000000000000000000000000000000000f7e54");

    private static Transaction l1Tx(RollupRuntime rt, int account, Address to, BigInteger value, byte[] data, long gas) {
        UnsignedTransaction u = new UnsignedTransaction(TxType.DYNAMIC_FEE, EmbeddedL1.CHAIN_ID, rt.l1().pendingNonce(rt.accounts().address(account)), GWEI,
                rt.l1().baseFee().shiftLeft(1).add(GWEI), gas, to, value, data, List.of());
        return TxEncoder.sign(u, rt.accounts().key(account));
    }

    private static Receipt receipt(RollupRuntime rt, Transaction tx) {
        for (long n = 1; n <= rt.l1().head().number(); n++) {
            L1Block b = rt.l1().block(n);
            for (int i = 0; i < b.transactions().size(); i++) if (b.transactions().get(i).hash().equals(tx.hash())) return b.receipts().get(i);
        }
        throw new AssertionError("not on L1: " + tx.hash() + " (" + rt.l1().droppedReason(tx.hash()) + ")");
    }

    private static Evm.Result view(RollupRuntime rt, Address to, byte[] data) {
        return ReadOnlyCall.run(rt.l1().state(), rt.l1().headEnv(), rt.accounts().address(0), to, data, rt.l1().natives());
    }

    @Test
    void transfersContractsDepositsAndTheOracleRunOnTheL1Evm() {
        RollupRuntime rt = RollupRuntime.inMemory(RuntimeOptions.defaults());
        long chainId = rt.options().rollup().chainId();
        Address portal = SystemContracts.portal(chainId);
        Address alice = rt.accounts().address(1);
        Wei lockedBefore = rt.l1().ledger().locked(chainId);

        Transaction send = l1Tx(rt, 0, FRESH, BigInteger.TEN.pow(18), new byte[0], 21_000);
        assertThat(rt.l1().submit(send)).isNull();
        Transaction deploy = l1Tx(rt, 0, null, BigInteger.ZERO, ContractsOnL2Test.INITCODE, 200_000);
        assertThat(rt.l1().submit(deploy)).isNull();
        Address contract = Evm.createAddress(rt.accounts().address(0), deploy.nonce());
        Transaction call = l1Tx(rt, 0, contract, BigInteger.ZERO, Bytes.fromHex("0x0102"), 100_000); // 2 bytes: the contract reverts
        assertThat(rt.l1().submit(call)).isNull();
        Transaction call2 = l1Tx(rt, 0, contract, BigInteger.ZERO, Bytes.fromHex("0xabcdef"), 100_000);
        assertThat(rt.l1().submit(call2)).isNull();
        Transaction deposit = Load.deposit(rt.l1(), rt.accounts(), 1, chainId, alice, BigInteger.TEN.pow(18));
        assertThat(rt.l1().submit(deposit)).isNull();
        Transaction receive = l1Tx(rt, 2, portal, BigInteger.TEN.pow(17).multiply(BigInteger.valueOf(5)), new byte[0], 100_000);
        assertThat(rt.l1().submit(receive)).isNull();
        Transaction creation = l1Tx(rt, 3, portal, BigInteger.ONE, Abi.call("depositTransaction(address,uint256,uint64,bool,bytes)", alice, BigInteger.ONE,
                100_000L, true, new Abi.DynamicBytes(new byte[] {1})), 100_000);
        assertThat(rt.l1().submit(creation)).isNull();
        Transaction propose = l1Tx(rt, 3, SystemContracts.outputOracle(chainId), BigInteger.ZERO,
                Abi.call("proposeL2Output(bytes32,uint256,bytes32,uint256)", new byte[32], 1L, new byte[32], 0L), 100_000);
        assertThat(rt.l1().submit(propose)).isNull();
        // refused before any block: another chain's transaction, a used nonce
        Transaction otherChain = TxEncoder.sign(UnsignedTransaction.transfer(901, 0, FRESH, BigInteger.ONE, GWEI, GWEI.multiply(BigInteger.valueOf(100))),
                rt.accounts().key(4));
        assertThat(rt.l1().submit(otherChain)).isEqualTo("wrong chain id: the embedded L1 is chain 900, the transaction is for 901");
        assertThat(rt.l1().submit(send)).startsWith("nonce 0 is already used");

        BigInteger aliceL2Before = rt.node().state().balance(alice).value();
        rt.runFor(5 * 60_000);

        assertThat(receipt(rt, send).success()).isTrue();
        assertThat(rt.l1().ledger().balance(FRESH)).isEqualTo(Wei.ether(1));
        assertThat(receipt(rt, deploy).success()).isTrue();
        assertThat(rt.l1().state().code(contract)).isEqualTo(Bytes.fromHex(ContractsOnL2Test.RUNTIME));
        assertThat(receipt(rt, call).success()).isFalse();
        assertThat(receipt(rt, call2).logs()).singleElement().satisfies(l -> assertThat(l.data()).isEqualTo(Bytes.fromHex("0xabcdef")));
        assertThat(rt.l1().state().storage(contract, Hash.ZERO)).isEqualTo(BigInteger.ONE);

        // deposits: 1 ETH through depositTransaction to alice, 0.5 ETH sent to the portal (to the sender), locked in the portal and minted on L2
        assertThat(receipt(rt, deposit).success()).isTrue();
        assertThat(receipt(rt, receive).success()).isTrue();
        assertThat(rt.node().relayer().finalizedCount()).isZero(); // nothing has left the portal yet: the challenge window is longer
        assertThat(rt.l1().ledger().locked(chainId)).isEqualTo(lockedBefore.add(Wei.ether(1)).add(Wei.of(BigInteger.TEN.pow(17).multiply(BigInteger.valueOf(5)))));
        assertThat(rt.node().state().balance(alice).value().subtract(aliceL2Before)).isGreaterThanOrEqualTo(BigInteger.TEN.pow(18));
        long deposits = rt.l1().block(1) == null ? 0 : java.util.stream.LongStream.rangeClosed(1, rt.l1().head().number())
                .map(n -> rt.l1().block(n).deposits().stream().filter(d -> d.chainId() == chainId).count()).sum();
        assertThat(deposits).isGreaterThanOrEqualTo(2);

        // what this devnet's portal and oracle refuse, with the reason in the revert data
        Receipt refused = receipt(rt, creation);
        assertThat(refused.success()).isFalse();
        assertThat(Abi.revertReason(view(rt, portal, creation.data()).output()))
                .isEqualTo("OptimismPortal: this devnet's portal does not create contracts by deposit (_isCreation must be false)");
        assertThat(receipt(rt, propose).success()).isFalse();
        Evm.Result why = view(rt, SystemContracts.outputOracle(chainId), Abi.call("proposeL2Output(bytes32,uint256,bytes32,uint256)", new byte[32], 1L,
                new byte[32], 0L));
        assertThat(Abi.revertReason(why.output())).isEqualTo("L2OutputOracle: only the proposer address can propose new outputs");

        // the oracle answers OP's getters from its storage
        List<OutputProposal> outputs = rt.l1().outputs(chainId);
        assertThat(outputs).isNotEmpty();
        byte[] first = view(rt, SystemContracts.outputOracle(chainId), Abi.call("getL2Output(uint256)", 0L)).output();
        assertThat(Hash.of(Abi.wordAt(first, 0))).isEqualTo(outputs.get(0).outputRoot());
        assertThat(Abi.uint(first, 2)).isEqualTo(BigInteger.valueOf(outputs.get(0).l2BlockNumber()));
        assertThat(Abi.uint(view(rt, SystemContracts.outputOracle(chainId), Abi.call("nextOutputIndex()")).output(), 0)).isEqualTo(BigInteger.valueOf(outputs.size()));
        assertThat(Abi.address(view(rt, portal, Abi.call("l2Oracle()")).output(), 0)).isEqualTo(SystemContracts.outputOracle(chainId));

        // each block commits to the state after it
        L1Block head = rt.l1().head();
        assertThat(head.stateRoot()).isEqualTo(rt.l1().state().root());
    }

    @Test
    void theL1StateIsRebuiltExactlyAfterARestart(@TempDir Path dir) {
        RuntimeOptions defaults = RuntimeOptions.defaults();
        RuntimeOptions options = defaults.withRollup(defaults.rollup().withChallengeWindowSeconds(600)).withDatabase(dir.resolve("db"));
        Hash root;
        try (RollupRuntime rt = Runtimes.open(options)) {
            Load.start(rt, 50, 0.05, true, Long.MAX_VALUE);
            assertThat(rt.l1().submit(l1Tx(rt, 0, FRESH, BigInteger.TEN.pow(18), new byte[0], 21_000))).isNull();
            assertThat(rt.l1().submit(l1Tx(rt, 0, null, BigInteger.ZERO, ContractsOnL2Test.INITCODE, 200_000))).isNull();
            rt.runFor(25 * 60_000); // long enough for withdrawals to be finalised and paid on L1
            root = rt.l1().state().root();
            assertThat(rt.node().relayer().finalizedCount()).isPositive(); // withdrawals paid out between L1 blocks are part of the state
        }
        try (RollupRuntime rt = Runtimes.open(options)) {
            assertThat(rt.l1().state().root()).isEqualTo(root);
            assertThat(rt.l1().ledger().balance(FRESH)).isEqualTo(Wei.ether(1));
            assertThat(rt.l1().state().hasCode(Evm.createAddress(rt.accounts().address(0), 1))).isTrue();
        }
    }
}
