package dev.rollupstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.app.Runtimes;
import dev.rollupstudio.chain.Block;
import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.TxEncoder;
import dev.rollupstudio.chain.TxType;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.evm.Evm;
import dev.rollupstudio.evm.Word;
import dev.rollupstudio.state.DevGenesis;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.wallet.DevAccounts;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contracts on the rollup: a creation and calls are sequenced, executed by the EVM, batched,
 * derived from L1 by the verifier with the same result, and persisted. The contract counts its
 * calls in slot 0, logs each call's data with the new count as topic, and reverts on 2-byte input.
 */
class ContractsOnL2Test {
    /** Runtime: slot0 += 1; LOG1(calldata, topic = slot0); revert if the input is 2 bytes. */
    static final String RUNTIME = "60005460010180600055366000600037366000a1366002146" + "01c57005b60006000fd";
    static final byte[] INITCODE = Bytes.fromHex("6022600c60003960226000f3" + RUNTIME);
    private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
    private final DevAccounts dev = DevAccounts.derive(2);

    private Transaction tx(long nonce, Address to, String data, long gas) {
        UnsignedTransaction u = new UnsignedTransaction(TxType.DYNAMIC_FEE, 901, nonce, GWEI, GWEI.multiply(BigInteger.TEN), gas, to, BigInteger.ZERO,
                Bytes.fromHex(data), List.of());
        return TxEncoder.sign(u, dev.key(0));
    }

    private List<Transaction> deployAndCall(Address contract) {
        return List.of(tx(0, null, Bytes.toHex(INITCODE), 200_000), tx(1, contract, "0x0102030405", 100_000),
                tx(2, contract, "0xdead", 100_000), tx(3, contract, "0x07", 100_000));
    }

    private static Map<Hash, Receipt> receipts(RollupRuntime rt) {
        Map<Hash, Receipt> out = new HashMap<>();
        for (long n = 1; n <= rt.node().chain().head().number(); n++) {
            Block b = rt.node().chain().block(n).block();
            for (int i = 0; i < b.transactions().size(); i++) out.put(b.transactions().get(i).hash(), b.receipts().get(i));
        }
        return out;
    }

    @Test
    void aContractIsCreatedCalledRevertedAndAgreedByTheVerifier() {
        RollupRuntime rt = RollupRuntime.inMemory(RuntimeOptions.defaults().withGenesis(DevGenesis.of(901, dev.addresses())));
        Address contract = Evm.createAddress(dev.address(0), 0);
        List<Transaction> txs = deployAndCall(contract);
        rt.submitAll(txs);
        rt.runFor(4 * 60_000);

        Map<Hash, Receipt> receipts = receipts(rt);
        assertThat(rt.node().state().code(contract)).isEqualTo(Bytes.fromHex(RUNTIME));
        Receipt deploy = receipts.get(txs.get(0).hash());
        Receipt call = receipts.get(txs.get(1).hash());
        Receipt reverted = receipts.get(txs.get(2).hash());
        Receipt again = receipts.get(txs.get(3).hash());
        assertThat(deploy.success()).isTrue();
        assertThat(call.success()).isTrue();
        assertThat(call.logs()).singleElement().satisfies(l -> {
            assertThat(l.address()).isEqualTo(contract);
            assertThat(l.topics()).containsExactly(Hash.wrap(Word.ONE.toBytes()));
            assertThat(l.data()).isEqualTo(Bytes.fromHex("0x0102030405"));
        });
        // a reverted call is included with status 0, pays its gas, and undoes its write and its log
        assertThat(reverted.success()).isFalse();
        assertThat(reverted.logs()).isEmpty();
        assertThat(reverted.gasUsed()).isGreaterThan(21_000);
        assertThat(again.logs()).singleElement().satisfies(l -> assertThat(l.topics()).containsExactly(Hash.wrap(Word.of(2).toBytes())));
        assertThat(rt.node().state().storage(contract, Hash.ZERO)).isEqualTo(BigInteger.TWO);
        assertThat(rt.node().state().nonce(dev.address(0))).isEqualTo(4);
        // the verifier re-executed the same blocks from L1 data and reached the same state
        var heads = rt.node().heads();
        assertThat(heads.safe()).isGreaterThan(blockOf(rt, txs.get(3).hash()));
        assertThat(rt.node().derivation().stateRoot()).isEqualTo(rt.node().chain().block(heads.safe()).block().header().stateRoot());
    }

    private static long blockOf(RollupRuntime rt, Hash tx) {
        for (long n = 1; n <= rt.node().chain().head().number(); n++) {
            if (rt.node().chain().block(n).block().transactions().stream().anyMatch(t -> t.hash().equals(tx))) return n;
        }
        throw new AssertionError("not included: " + tx);
    }

    @Test
    void contractCodeAndStorageSurviveARestart(@TempDir Path dir) {
        RuntimeOptions options = RuntimeOptions.defaults().withGenesis(DevGenesis.of(901, dev.addresses())).withDatabase(dir.resolve("db"));
        Address contract = Evm.createAddress(dev.address(0), 0);
        Hash root;
        try (RollupRuntime rt = Runtimes.open(options)) {
            rt.submitAll(deployAndCall(contract));
            rt.runFor(2 * 60_000);
            root = rt.node().chain().head().header().stateRoot();
        }
        try (RollupRuntime rt = Runtimes.open(options)) {
            assertThat(rt.node().state().root()).isEqualTo(root);
            assertThat(rt.node().state().code(contract)).isEqualTo(Bytes.fromHex(RUNTIME));
            assertThat(rt.node().state().storage(contract, Hash.ZERO)).isEqualTo(BigInteger.TWO);
            // the contract still runs after the restart
            rt.submitAll(List.of(tx(4, contract, "0x09", 100_000)));
            rt.runFor(10_000);
            assertThat(rt.node().state().storage(contract, Hash.ZERO)).isEqualTo(BigInteger.valueOf(3));
        }
    }
}
