package dev.rollupstudio.evm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollupstudio.chain.BlockHeader;
import dev.rollupstudio.chain.Bloom;
import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.chain.rlp.RlpItem;
import dev.rollupstudio.chain.trie.MerklePatriciaTrie;
import dev.rollupstudio.state.TrieWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Runs Ethereum's BlockchainTests (ValidBlocks, Cancun) block by block on the EVM: the EIP-4788
 * beacon-root system call, each transaction with its sender recovered from its signature, the
 * withdrawals; then the block's state root, receipts root, logs bloom and gas used must equal its
 * header's.
 */
public final class BlockTests {
    static final Address BEACON_ROOTS = Address.fromHex("0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02");
    static final Address SYSTEM = Address.fromHex("0xfffffffffffffffffffffffffffffffffffffffe");
    private static final long SYSTEM_GAS = 30_000_000;

    private BlockTests() {}

    /** Every block of every Cancun test in the file, a verdict each. */
    public static List<StateTests.Verdict> run(Path file) {
        List<StateTests.Verdict> out = new ArrayList<>();
        JsonNode root;
        try {
            root = StateTests.readJson(file);
        } catch (IOException e) {
            out.add(new StateTests.Verdict(file.toString(), "", 0, StateTests.Verdict.Kind.FAILED, "cannot read: " + e.getMessage()));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> test = it.next();
            if (!"Cancun".equals(test.getValue().path("network").asText())) continue;
            runTest(file.toString(), test.getKey(), test.getValue(), out);
        }
        return out;
    }

    private static void runTest(String file, String name, JsonNode t, List<StateTests.Verdict> out) {
        TrieWorldState state = StateTests.preState(t.path("pre"));
        Map<Long, Hash> hashes = new HashMap<>();
        BlockHeader genesis = BlockHeader.decode(Rlp.decode(Bytes.fromHex(t.path("genesisRLP").asText())).list().get(0));
        hashes.put(genesis.number(), genesis.hash());
        JsonNode blocks = t.path("blocks");
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode b = blocks.get(i);
            if (b.has("expectException") || !b.has("blockHeader")) continue; // ValidBlocks: none expected
            try {
                String verdict = runBlock(state, b, hashes);
                StateTests.Verdict.Kind kind = verdict == null ? StateTests.Verdict.Kind.PASSED
                        : verdict.startsWith("skip:") ? StateTests.Verdict.Kind.SKIPPED : StateTests.Verdict.Kind.FAILED;
                out.add(new StateTests.Verdict(file, name, i, kind, verdict == null ? "" : verdict));
                if (kind == StateTests.Verdict.Kind.SKIPPED) return; // later blocks build on the skipped one
            } catch (RuntimeException | StackOverflowError e) {
                out.add(new StateTests.Verdict(file, name, i, StateTests.Verdict.Kind.FAILED, "threw " + e));
                return;
            }
        }
    }

    /** Runs one block; null if every root matches, "skip: why", or what differs. */
    private static String runBlock(TrieWorldState state, JsonNode b, Map<Long, Hash> hashes) {
        List<RlpItem> block = Rlp.decode(Bytes.fromHex(b.path("rlp").asText())).list();
        BlockHeader h = BlockHeader.decode(block.get(0));
        List<Transaction> txs = new ArrayList<>();
        for (RlpItem item : block.get(1).list()) {
            byte[] raw = item instanceof RlpItem.Str s ? s.bytes() : Rlp.encode(item);
            txs.add(Transaction.decode(raw));
        }
        BigInteger excess = h.excessBlobGas() == null ? BigInteger.ZERO : BigInteger.valueOf(h.excessBlobGas());
        BlockEnv env = new BlockEnv(h.coinbase(), h.number(), h.timestamp(), h.gasLimit(), h.baseFeePerGas(), h.mixHash(),
                StateTests.blobBaseFee(excess), 1, n -> hashes.getOrDefault(n, Hash.ZERO));
        if (h.parentBeaconBlockRoot() != null && state.account(BEACON_ROOTS).hasCode()) {
            Journal journal = new Journal(state);
            new Evm(journal, env, new TxEnv(SYSTEM, BigInteger.ZERO, List.of())).call(new Evm.Message(SYSTEM, BEACON_ROOTS, BEACON_ROOTS, Wei.ZERO,
                    h.parentBeaconBlockRoot().raw(), state.code(BEACON_ROOTS), SYSTEM_GAS, 0, false, false));
        }
        long gasUsed = 0;
        List<byte[]> receipts = new ArrayList<>();
        byte[] bloom = new byte[Bloom.BYTES];
        for (Transaction tx : txs) {
            if (tx.gasLimit() > h.gasLimit() - gasUsed) return "transaction " + receipts.size() + " exceeds the block's remaining gas";
            TransactionProcessor.Outcome o = TransactionProcessor.process(state, env, EvmTransaction.of(tx));
            if (!o.valid()) return "transaction " + receipts.size() + " refused: " + o.invalid();
            gasUsed += o.gasUsed();
            Receipt r = new Receipt(tx.type(), o.success(), gasUsed, o.logs(), null, o.gasUsed());
            receipts.add(r.encode());
            Bloom.or(bloom, r.bloom());
        }
        JsonNode withdrawals = b.path("withdrawals");
        for (JsonNode w : withdrawals) {
            Address a = Address.fromHex(w.path("address").asText());
            BigInteger gwei = new BigInteger(w.path("amount").asText().substring(2), 16);
            state.setBalance(a, state.balance(a).add(Wei.of(gwei.multiply(BigInteger.TEN.pow(9)))));
            if (state.account(a).isEmpty()) state.delete(a);
        }
        hashes.put(h.number(), h.hash());
        List<String> diff = new ArrayList<>();
        Hash root = state.root();
        if (!root.equals(h.stateRoot())) diff.add("state root " + root + " != " + h.stateRoot());
        Hash receiptsRoot = MerklePatriciaTrie.orderedRoot(receipts);
        if (!receiptsRoot.equals(h.receiptsRoot())) diff.add("receipts root differs");
        if (!Arrays.equals(bloom, h.logsBloom())) diff.add("logs bloom differs");
        if (gasUsed != h.gasUsed()) diff.add("gas used " + gasUsed + " != " + h.gasUsed());
        return diff.isEmpty() ? null : String.join("; ", diff);
    }
}
