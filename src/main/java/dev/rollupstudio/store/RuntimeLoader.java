package dev.rollupstudio.store;

import dev.rollupstudio.chain.Block;
import dev.rollupstudio.chain.BlockHeader;
import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.runtime.StoredRuntime;
import dev.rollupstudio.runtime.l1.BatcherTx;
import dev.rollupstudio.runtime.l1.Deposit;
import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.runtime.l1.SettlementLog;
import dev.rollupstudio.runtime.l1.OutputProposal;
import dev.rollupstudio.runtime.rollup.ChainTotals;
import dev.rollupstudio.runtime.rollup.L1Origin;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.rollup.RollupNode;
import dev.rollupstudio.runtime.rollup.VerifierCheckpoint;
import dev.rollupstudio.runtime.l1.TrackedWithdrawal;
import dev.rollupstudio.runtime.l1.WithdrawalMessage;
import dev.rollupstudio.state.Genesis;
import dev.rollupstudio.state.TrieWorldState;
import dev.rollupstudio.types.Wei;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a stored runtime back: the L2 head and its state (checked against its root), the L1, and progress marks. */
public final class RuntimeLoader {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RuntimeLoader.class);
    private final H2RuntimeStore store;
    private final Connection c;

    public RuntimeLoader(H2RuntimeStore store) {
        this.store = store;
        this.c = store.connection();
    }

    /** Empty for a fresh database; otherwise where to resume. The genesis must be the one the chain started from. */
    public Optional<StoredRuntime> load(Genesis genesis, RollupConfig config) {
        try {
            String fingerprint = fingerprint(genesis, config);
            String stored = meta("genesis");
            if (stored == null) {
                store.metaNow("genesis", fingerprint);
                return Optional.empty();
            }
            if (!stored.equals(fingerprint)) {
                throw new StoreException("the database in " + store.folder() + " holds a chain from another genesis or chain id; pass another --db folder to start this one", null);
            }
            long head = scalar("SELECT COALESCE(MAX(number), 0) FROM l2_block");
            List<L1Block> l1 = l1Blocks();
            if (head == 0 && l1.isEmpty()) return Optional.empty();
            SealedBlock headBlock = block(head);
            TrieWorldState state = genesis.toState();
            overlayState(state, "account", "storage_slot");
            // Hashing a state is most of a resume: the verifier's is hashed on another core meanwhile.
            java.util.concurrent.CompletableFuture<RollupNode.Verifier> verifier = verifier(genesis);
            Hash root = state.root();
            state.drainChanged();
            state.drainChangedStorage();
            if (head > 0 && !root.equals(headBlock.header().stateRoot())) {
                throw new StoreException("the database in " + store.folder() + " is damaged: its accounts give state root " + root.shortHex() + " but block "
                        + head + " says " + headBlock.header().stateRoot().shortHex() + ". " + Database.damagedAdvice(store.folder()), null);
            }
            ChainTotals totals = totals(head);
            long nextBatchId = Math.max(scalar("SELECT COALESCE(MAX(batch_id) + 1, 0) FROM l1_batcher_tx WHERE chain_id = " + config.chainId()),
                    scalar("SELECT COALESCE(MAX(id) + 1, 0) FROM batch"));
            long now = Math.max(l1.isEmpty() ? 0 : l1.get(l1.size() - 1).timestampMillis(), headBlock.header().timestamp() * 1000);
            RollupNode.Resume resume = new RollupNode.Resume(headBlock, state, totals, nextBatchId, n -> n > 0 && n <= head ? block(n) : null, withdrawals(), verifier.join());
            // A chain stopped before its first L1 slot has no L1 fee markets stored: they start fresh.
            String excess = meta("l1.excessBlobGas");
            String baseFee = meta("l1.nextBaseFee");
            String finalized = meta("l1.finalized");
            return Optional.of(new StoredRuntime(now, l1, excess == null ? 0 : Long.parseLong(excess), baseFee == null ? null : new BigInteger(baseFee),
                    finalized == null ? 0 : Long.parseLong(finalized), daBlobs(), resume));
        } catch (SQLException | RuntimeException e) {
            if (e instanceof StoreException s) throw s;
            // a stored value that does not decode (bad RLP, a number out of range) means the file was damaged
            throw new StoreException("the database in " + store.folder() + " is damaged: it cannot be read (" + Database.rootMessage(e) + "). "
                    + Database.damagedAdvice(store.folder()), e);
        }
    }

    static String fingerprint(Genesis genesis, RollupConfig config) {
        return genesis.toState().root().toHex() + "/" + config.chainId();
    }

    /** One stored L2 block with its transactions, receipts and L1 origin. */
    public SealedBlock block(long number) {
        try (PreparedStatement ps = c.prepareStatement("SELECT header, origin_number, origin_hash, origin_base_fee, origin_blob_fee, origin_ts FROM l2_block WHERE number = ?")) {
            ps.setLong(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                BlockHeader header = BlockHeader.decode(rs.getBytes(1));
                L1Origin origin = new L1Origin(rs.getLong(2), Hash.of(rs.getBytes(3)), rs.getBigDecimal(4).toBigInteger(),
                        rs.getBigDecimal(5).toBigInteger(), rs.getLong(6));
                List<Transaction> txs = new ArrayList<>();
                List<Receipt> receipts = new ArrayList<>();
                List<BigInteger> l1Fees = new ArrayList<>();
                try (PreparedStatement tq = c.prepareStatement("SELECT raw, receipt, gas_used, l1_fee FROM l2_tx WHERE block_number = ? ORDER BY idx")) {
                    tq.setLong(1, number);
                    try (ResultSet t = tq.executeQuery()) {
                        while (t.next()) {
                            txs.add(Transaction.decode(t.getBytes(1)));
                            receipts.add(Receipt.decode(t.getBytes(2), t.getLong(3)));
                            l1Fees.add(t.getBigDecimal(4).toBigInteger());
                        }
                    }
                }
                return new SealedBlock(Block.of(header, txs, receipts), origin, l1Fees);
            }
        } catch (SQLException | RuntimeException e) {
            if (e instanceof StoreException s) throw s;
            throw new StoreException("the database in " + store.folder() + " is damaged: block " + number + " cannot be read (" + Database.rootMessage(e) + "). "
                    + Database.damagedAdvice(store.folder()), e);
        }
    }

    private void overlayState(TrieWorldState state, String accountTable, String storageTable) throws SQLException {
        java.util.Map<Hash, byte[]> code = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT hash, code FROM contract_code"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) code.put(Hash.of(rs.getBytes(1)), rs.getBytes(2));
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT address, nonce, balance, code_hash FROM " + accountTable); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Address a = Address.of(rs.getBytes(1));
                state.setNonce(a, rs.getLong(2));
                state.setBalance(a, Wei.of(rs.getBigDecimal(3).toBigInteger()));
                byte[] hash = rs.getBytes(4);
                if (hash != null) {
                    byte[] bytes = code.get(Hash.of(hash));
                    if (bytes == null) throw new SQLException("the code of contract " + a + " is missing from the database");
                    state.setCode(a, bytes);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT address, slot, val FROM " + storageTable); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) state.setStorage(Address.of(rs.getBytes(1)), Hash.of(rs.getBytes(2)), rs.getBigDecimal(3).toBigInteger());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT address FROM " + accountTable + " WHERE nonce = 0 AND balance = 0"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) state.removeIfEmpty(Address.of(rs.getBytes(1)));
        }
    }

    /**
     * The verifier's checkpoint and its state there, checked against the root of the block it
     * had derived; null (replay L1 from genesis, slower but sure) when there is none or it does
     * not check. The rows are read here; the state is hashed and checked on another thread.
     */
    private java.util.concurrent.CompletableFuture<RollupNode.Verifier> verifier(Genesis genesis) throws SQLException {
        byte[] data;
        try (PreparedStatement ps = c.prepareStatement("SELECT data FROM verifier_checkpoint WHERE id = 0"); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return java.util.concurrent.CompletableFuture.completedFuture(null);
            data = rs.getBytes(1);
        }
        VerifierCheckpoint cp;
        TrieWorldState state = genesis.toState();
        try {
            cp = VerifierCheckpoint.decode(data);
            overlayState(state, "verifier_account", "verifier_storage");
        } catch (RuntimeException e) {
            LOG.warn("the verifier's checkpoint cannot be read ({}); replaying L1 from genesis", Database.rootMessage(e));
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            Hash root = state.root();
            state.drainChanged();
            state.drainChangedStorage();
            if (root.equals(cp.head().header().stateRoot())) return new RollupNode.Verifier(cp, state);
            LOG.warn("the verifier's stored state gives root {} but its checkpoint at block {} says {}; replaying L1 from genesis",
                    root.shortHex(), cp.head().number(), cp.head().header().stateRoot().shortHex());
            return null;
        });
    }

    /** Every withdrawal started on the chain, with how far it got. */
    private List<TrackedWithdrawal> withdrawals() throws SQLException {
        List<TrackedWithdrawal> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT nonce, sender, target, val, gas_limit, l2_block, output_index, proven_at, finalized_at, data "
                + "FROM withdrawal ORDER BY l2_block, nonce"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                WithdrawalMessage m = new WithdrawalMessage(rs.getBigDecimal(1).toBigInteger(), Address.of(rs.getBytes(2)), Address.of(rs.getBytes(3)),
                        rs.getBigDecimal(4).toBigInteger(), rs.getBigDecimal(5).toBigInteger(), rs.getBytes(10));
                out.add(new TrackedWithdrawal(m, rs.getLong(6), (Long) rs.getObject(7, Long.class), (Long) rs.getObject(8, Long.class),
                        (Long) rs.getObject(9, Long.class)));
            }
        }
        return out;
    }

    private Map<Hash, byte[]> daBlobs() throws SQLException {
        Map<Hash, byte[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT commitment, data FROM da_blob"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(Hash.of(rs.getBytes(1)), rs.getBytes(2));
        }
        return out;
    }

    private ChainTotals totals(long head) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT burnt, deposited, withdrawn, total_txs, total_gas FROM l2_block WHERE number = ?")) {
            ps.setLong(1, head);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return ChainTotals.ZERO;
                return new ChainTotals(Wei.of(rs.getBigDecimal(1).toBigInteger()), Wei.of(rs.getBigDecimal(2).toBigInteger()), Wei.of(rs.getBigDecimal(3).toBigInteger()),
                        rs.getLong(4), rs.getLong(5));
            }
        }
    }

    private List<L1Block> l1Blocks() throws SQLException {
        Map<Long, List<BatcherTx>> batches = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l1_block, chain_id, batch_id, data, blobs, submitted_ms, fee FROM l1_batcher_tx ORDER BY l1_block, idx");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                batches.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new BatcherTx(rs.getLong(2), rs.getLong(3), rs.getBytes(4),
                        rs.getInt(5), rs.getLong(6), -1, rs.getLong(1), rs.getBigDecimal(7).toBigInteger(), -1));
            }
        }
        Map<Long, List<OutputProposal>> outputs = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT chain_id, idx, l2_block, root, l1_block, timestamp_ms FROM l1_output ORDER BY l1_block, chain_id, idx");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                outputs.computeIfAbsent(rs.getLong(5), k -> new ArrayList<>()).add(new OutputProposal(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        Hash.of(rs.getBytes(4)), rs.getLong(5), rs.getLong(6)));
            }
        }
        List<L1Block> blocks = new ArrayList<>();
        Map<Long, List<Object[]>> deposits = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l1_block, log_index, chain_id, sender, recipient, val, gas_limit, data FROM l1_deposit ORDER BY l1_block, log_index");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                deposits.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Object[] {rs.getInt(2), rs.getLong(3),
                        Address.of(rs.getBytes(4)), Address.of(rs.getBytes(5)), rs.getBigDecimal(6).toBigInteger(), rs.getLong(7), rs.getBytes(8)});
            }
        }
        Map<Long, List<Transaction>> l1Txs = new HashMap<>();
        Map<Long, List<Receipt>> l1Receipts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l1_block, raw, receipt, gas_used FROM l1_tx ORDER BY l1_block, idx");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                l1Txs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(Transaction.decode(rs.getBytes(2)));
                l1Receipts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(Receipt.decode(rs.getBytes(3), rs.getLong(4)));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT number, hash, parent_hash, timestamp_ms, base_fee, blob_fee, gas_used, blobs, state_root, settlement FROM l1_block ORDER BY number");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long n = rs.getLong(1);
                Hash hash = Hash.of(rs.getBytes(2));
                List<Deposit> ds = new ArrayList<>();
                for (Object[] d : deposits.getOrDefault(n, List.of())) {
                    ds.add(new Deposit((Long) d[1], (Address) d[2], (Address) d[3], Wei.of((BigInteger) d[4]), (Long) d[5], (byte[]) d[6], n, hash, (Integer) d[0]));
                }
                blocks.add(new L1Block(n, hash, Hash.of(rs.getBytes(3)), rs.getLong(4), rs.getBigDecimal(5).toBigInteger(),
                        rs.getBigDecimal(6).toBigInteger(), rs.getLong(7), rs.getInt(8), batches.getOrDefault(n, List.of()),
                        outputs.getOrDefault(n, List.of()), ds, rs.getBytes(9) == null ? Hash.ZERO : Hash.of(rs.getBytes(9)),
                        l1Txs.getOrDefault(n, List.of()), l1Receipts.getOrDefault(n, List.of()), SettlementLog.decode(rs.getBytes(10))));
            }
        }
        return blocks;
    }

    private long scalar(String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String meta(String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v FROM meta WHERE k = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
