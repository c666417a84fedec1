package dev.rollupstudio.store;

import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.runtime.RuntimeStore;
import dev.rollupstudio.runtime.StateChanges;
import dev.rollupstudio.runtime.l1.BatcherTx;
import dev.rollupstudio.runtime.l1.Deposit;
import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.runtime.l1.OutputProposal;
import dev.rollupstudio.runtime.l1.WithdrawalMessage;
import dev.rollupstudio.runtime.rollup.ChainTotals;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.runtime.rollup.PostedBatch;
import dev.rollupstudio.runtime.rollup.VerifierCheckpoint;
import dev.rollupstudio.runtime.rollup.Withdrawals;
import dev.rollupstudio.state.Account;
import dev.rollupstudio.types.Wei;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** The runtime's writes to H2: every call is one committed transaction. */
public final class H2RuntimeStore implements RuntimeStore {
    private final Connection c;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(H2RuntimeStore.class);
    private final Path dir;
    /** What an L1 block completed (batch rows, proofs), written in that block's transaction: the L1 runs completions before the store sees the block. */
    private final List<Work> withL1Block = new java.util.ArrayList<>();
    /** Code hashes written this session: contract code is written once per hash. */
    private final java.util.Set<Hash> storedCode = new java.util.HashSet<>();

    private H2RuntimeStore(Connection c, Path dir) {
        this.c = c;
        this.dir = dir;
    }

    public static H2RuntimeStore open(Path dir) {
        return open(dir, "");
    }

    /**
     * Opens a store that is written every block and seldom read (a flash layer's): H2's page cache
     * at 1 MB instead of 16, and no automatic ANALYZE. Five 16 MB caches at 30x kept replaced pages
     * alive into every young GC, and ANALYZE sampled each table again every 2,000 changed rows.
     */
    public static H2RuntimeStore openWriteMostly(Path dir) {
        return open(dir, ";CACHE_SIZE=1024;ANALYZE_AUTO=0");
    }

    private static H2RuntimeStore open(Path dir, String settings) {
        Path file = dir.resolve("runtime.mv.db");
        // a compaction killed while it swapped files is finished (or undone) before the file is read
        if (java.nio.file.Files.exists(dir)) org.h2.mvstore.MVStoreTool.compactCleanUp(file.toString());
        try {
            // H2 would quietly start an empty chain over a file that lost its contents
            if (java.nio.file.Files.isRegularFile(file) && java.nio.file.Files.size(file) == 0) {
                throw new StoreException("the database file " + file.toAbsolutePath() + " is empty (0 bytes): it holds no chain, though one was stored here. "
                        + "Move the folder away to keep it, or start a new chain there with --reset", null);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return new H2RuntimeStore(Database.open(dir, "runtime", "db/migration", settings), dir);
    }

    Connection connection() {
        return c;
    }

    public Path folder() {
        return dir;
    }

    @Override public void l2Block(SealedBlock b, StateChanges changes, ChainTotals t) {
        write(() -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO l2_block VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setLong(1, b.number());
                ps.setBytes(2, b.hash().raw());
                ps.setLong(3, b.header().timestamp() * 1000);
                ps.setInt(4, b.block().transactions().size());
                ps.setLong(5, b.header().gasUsed());
                ps.setBytes(6, b.header().encode());
                ps.setLong(7, b.origin().number());
                ps.setBytes(8, b.origin().hash().raw());
                ps.setBigDecimal(9, dec(b.origin().baseFee()));
                ps.setBigDecimal(10, dec(b.origin().blobBaseFee()));
                ps.setLong(11, b.origin().timestampMillis());
                ps.setBigDecimal(12, dec(t.burntBaseFees()));
                ps.setBigDecimal(13, dec(t.deposited()));
                ps.setBigDecimal(14, dec(t.withdrawn()));
                ps.setLong(15, t.txCount());
                ps.setLong(16, t.gasUsed());
                ps.executeUpdate();
            }
            List<Transaction> txs = b.block().transactions();
            if (!txs.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO l2_tx VALUES (?,?,?,?,?,?,?,?,?)")) {
                    for (int i = 0; i < txs.size(); i++) {
                        Transaction tx = txs.get(i);
                        Receipt r = b.block().receipts().get(i);
                        ps.setBytes(1, tx.hash().raw());
                        ps.setLong(2, b.number());
                        ps.setInt(3, i);
                        ps.setBytes(4, tx.sender().raw());
                        ps.setBytes(5, tx.to() == null ? null : tx.to().raw());
                        ps.setBytes(6, tx.encoded());
                        ps.setBytes(7, r.encode());
                        ps.setLong(8, r.gasUsed());
                        ps.setBigDecimal(9, dec(b.l1Fees().get(i)));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!b.executions().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO l2_tx_execution (hash, contract_address, error, revert_data) VALUES (?,?,?,?)")) {
                    for (var e : b.executions().entrySet()) {
                        ps.setBytes(1, txs.get(e.getKey()).hash().raw());
                        ps.setBytes(2, e.getValue().contractAddress() == null ? null : e.getValue().contractAddress().raw());
                        ps.setString(3, e.getValue().error());
                        ps.setBytes(4, e.getValue().revertData());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO withdrawal (hash, nonce, sender, target, val, gas_limit, l2_block, data) VALUES (?,?,?,?,?,?,?,?)")) {
                for (Receipt r : b.block().receipts()) {
                    for (dev.rollupstudio.chain.Log log : r.logs()) {
                        WithdrawalMessage w = Withdrawals.fromLog(log);
                        if (w == null) continue;
                        ps.setBytes(1, w.hash().raw());
                        ps.setBigDecimal(2, dec(w.nonce()));
                        ps.setBytes(3, w.sender().raw());
                        ps.setBytes(4, w.target().raw());
                        ps.setBigDecimal(5, dec(w.value()));
                        ps.setBigDecimal(6, dec(w.gasLimit()));
                        ps.setLong(7, b.number());
                        ps.setBytes(8, w.data());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            writeState("account", "storage_slot", changes);
        });
    }

    /** Accounts and slots as they now are, into the sequencer's tables or the verifier's. */
    private void writeState(String accountTable, String storageTable, StateChanges changes) throws SQLException {
        Map<Address, Account> accounts = changes.accounts();
        Map<Address, Map<Hash, BigInteger>> storage = changes.storage();
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO contract_code KEY (hash) VALUES (?,?)")) {
            for (Map.Entry<Hash, byte[]> e : changes.code().entrySet()) {
                if (!storedCode.add(e.getKey())) continue; // code is immutable: once per hash
                ps.setBytes(1, e.getKey().raw());
                ps.setBytes(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO " + accountTable + " (address, nonce, balance, code_hash) KEY (address) VALUES (?,?,?,?)")) {
            for (Map.Entry<Address, Account> e : accounts.entrySet()) {
                ps.setBytes(1, e.getKey().raw());
                ps.setLong(2, e.getValue().nonce());
                ps.setBigDecimal(3, dec(e.getValue().balance()));
                ps.setBytes(4, e.getValue().hasCode() ? e.getValue().codeHash().raw() : null);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO " + storageTable + " KEY (address, slot) VALUES (?,?,?)")) {
            for (Map.Entry<Address, Map<Hash, BigInteger>> e : storage.entrySet()) {
                for (Map.Entry<Hash, BigInteger> s : e.getValue().entrySet()) {
                    ps.setBytes(1, e.getKey().raw());
                    ps.setBytes(2, s.getKey().raw());
                    ps.setBigDecimal(3, dec(s.getValue()));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Written with the next L1 block, which the verifier has then not read: a restart replays from that block. */
    @Override public void verifier(VerifierCheckpoint checkpoint, StateChanges changes) {
        withL1Block.add(() -> {
            writeState("verifier_account", "verifier_storage", changes);
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO verifier_checkpoint KEY (id) VALUES (0,?,?)")) {
                ps.setLong(1, checkpoint.l1Block());
                ps.setBytes(2, checkpoint.encode());
                ps.executeUpdate();
            }
        });
    }

    @Override public void l1Reorg(long fromNumber, java.util.List<L1Block> replacements, long excess, BigInteger nextBaseFee, long finalized) {
        write(() -> {
            for (String table : new String[] {"l1_tx", "l1_batcher_tx", "l1_output", "l1_deposit"}) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE l1_block >= ?")) {
                    ps.setLong(1, fromNumber);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM l1_block WHERE number >= ?")) {
                ps.setLong(1, fromNumber);
                ps.executeUpdate();
            }
            for (L1Block b : replacements) writeL1Block(b, excess, nextBaseFee, finalized);
        });
    }

    @Override public void l1Block(L1Block b, long excess, BigInteger nextBaseFee, long finalized) {
        write(() -> writeL1Block(b, excess, nextBaseFee, finalized));
    }

    /** Inside a write: the block, with what waited for it (the verifier's checkpoint, batches). */
    private void writeL1Block(L1Block b, long excess, BigInteger nextBaseFee, long finalized) throws SQLException {
        {
            for (Work w : withL1Block) w.run();
            withL1Block.clear();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO l1_block (number, hash, parent_hash, timestamp_ms, base_fee, blob_fee, gas_used, blobs, state_root, settlement) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                ps.setLong(1, b.number());
                ps.setBytes(2, b.hash().raw());
                ps.setBytes(3, b.parentHash().raw());
                ps.setLong(4, b.timestampMillis());
                ps.setBigDecimal(5, dec(b.baseFee()));
                ps.setBigDecimal(6, dec(b.blobBaseFee()));
                ps.setLong(7, b.gasUsed());
                ps.setInt(8, b.blobsUsed());
                ps.setBytes(9, b.stateRoot().raw());
                ps.setBytes(10, b.settlement().isEmpty() ? null : b.settlement().encode());
                ps.executeUpdate();
            }
            if (!b.transactions().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO l1_tx VALUES (?,?,?,?,?,?)")) {
                    for (int i = 0; i < b.transactions().size(); i++) {
                        ps.setLong(1, b.number());
                        ps.setInt(2, i);
                        ps.setBytes(3, b.transactions().get(i).hash().raw());
                        ps.setBytes(4, b.transactions().get(i).encoded());
                        ps.setBytes(5, b.receipts().get(i).encode());
                        ps.setLong(6, b.receipts().get(i).gasUsed());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO l1_batcher_tx VALUES (?,?,?,?,?,?,?,?)")) {
                int i = 0;
                for (BatcherTx tx : b.batches()) {
                    ps.setLong(1, b.number());
                    ps.setInt(2, i++);
                    ps.setLong(3, tx.chainId());
                    ps.setLong(4, tx.batchId());
                    ps.setBytes(5, tx.data());
                    ps.setInt(6, tx.blobs());
                    ps.setLong(7, tx.submittedAtMillis());
                    ps.setBigDecimal(8, dec(tx.feePaid()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO l1_output VALUES (?,?,?,?,?,?)")) {
                for (OutputProposal o : b.outputs()) {
                    ps.setLong(1, o.chainId());
                    ps.setLong(2, o.index());
                    ps.setLong(3, o.l2BlockNumber());
                    ps.setBytes(4, o.outputRoot().raw());
                    ps.setLong(5, o.l1Block());
                    ps.setLong(6, o.l1TimestampMillis());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO l1_deposit (l1_block, log_index, chain_id, sender, recipient, val, gas_limit, data) "
                    + "VALUES (?,?,?,?,?,?,?,?)")) {
                for (Deposit d : b.deposits()) {
                    ps.setLong(1, b.number());
                    ps.setInt(2, d.logIndex());
                    ps.setLong(3, d.chainId());
                    ps.setBytes(4, d.from().raw());
                    ps.setBytes(5, d.to().raw());
                    ps.setBigDecimal(6, dec(d.value()));
                    ps.setLong(7, d.gasLimit());
                    ps.setBytes(8, d.data());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            meta("l1.excessBlobGas", Long.toString(excess));
            meta("l1.nextBaseFee", nextBaseFee.toString());
            meta("l1.finalized", Long.toString(finalized));
        }
    }

    /** Kept until the L1 block that completed the batch is written, and written in its transaction. */
    @Override public void batch(PostedBatch p) {
        withL1Block.add(() -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO batch KEY (id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setLong(1, p.id());
                ps.setLong(2, p.firstL2Block());
                ps.setLong(3, p.lastL2Block());
                ps.setInt(4, p.txCount());
                ps.setLong(5, p.rawBytes());
                ps.setLong(6, p.compressedBytes());
                ps.setInt(7, p.blobs());
                ps.setInt(8, p.l1Txs());
                ps.setLong(9, p.l1Block());
                ps.setBigDecimal(10, dec(p.l1Fee()));
                ps.setLong(11, p.openedAtMillis());
                ps.setLong(12, p.postedAtMillis());
                ps.setDouble(13, p.daFee().amount());
                ps.executeUpdate();
            }
        });
    }

    @Override public void output(OutputProposal o) {
        // outputs are written with the L1 block that includes them
    }

    @Override public void daBlob(Hash commitment, byte[] data) {
        write(() -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO da_blob KEY (commitment) VALUES (?,?)")) {
                ps.setBytes(1, commitment.raw());
                ps.setBytes(2, data);
                ps.executeUpdate();
            }
        });
    }

    /** Records a key the runtime checks on resume (e.g. which genesis the chain started from). */
    public void meta(String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO meta KEY (k) VALUES (?,?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    public void metaNow(String key, String value) {
        write(() -> meta(key, value));
    }

    private interface Work {
        void run() throws SQLException;
    }

    private void write(Work w) {
        try {
            w.run();
            c.commit();
        } catch (SQLException e) {
            Database.rollbackQuietly(c);
            if (Database.isCorruption(e)) {
                throw new StoreException("the database in " + dir + " is damaged (" + Database.rootMessage(e) + "). " + Database.damagedAdvice(dir), e);
            }
            throw new StoreException("could not write to the database in " + dir + ": " + Database.rootMessage(e), e);
        }
    }

    static BigDecimal dec(Wei v) {
        return dec(v.value());
    }

    static BigDecimal dec(BigInteger v) {
        return new BigDecimal(v);
    }

    /** Proven against an output in the L1 block being completed: written in that block's transaction. */
    @Override public void withdrawalProven(Hash withdrawal, long outputIndex, long atMillis) {
        withL1Block.add(() -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE withdrawal SET output_index = ?, proven_at = ? WHERE hash = ?")) {
                ps.setLong(1, outputIndex);
                ps.setLong(2, atMillis);
                ps.setBytes(3, withdrawal.raw());
                ps.executeUpdate();
            }
        });
    }

    @Override public void withdrawalFinalized(Hash withdrawal, long atMillis) {
        write(() -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE withdrawal SET finalized_at = ? WHERE hash = ?")) {
                ps.setLong(1, atMillis);
                ps.setBytes(2, withdrawal.raw());
                ps.executeUpdate();
            }
        });
    }

    @Override public void close() {
        try {
            c.close();
        } catch (SQLException e) {
            throw new StoreException("could not close the database in " + dir, e);
        }
        compact(dir.resolve("runtime.mv.db"));
    }

    /** Files smaller than this are left as they are: compacting them gains little. */
    static volatile long compactAbove = 64L << 20;

    /**
     * With every commit flushed at once and background compaction off (both for kill safety), H2
     * keeps a chunk per commit while any page in it lives: 3,000 blocks made a 407 MB file with
     * 13 MB of live data. After a clean close the live pages are copied into a new file that then
     * replaces the old one by an atomic rename, so a kill at any moment leaves one whole file.
     * If the database is still open elsewhere in this process (the explorer), it is left alone.
     */
    private static void compact(Path file) {
        try {
            if (!java.nio.file.Files.isRegularFile(file) || java.nio.file.Files.size(file) < compactAbove) return;
            long before = java.nio.file.Files.size(file);
            long t0 = System.nanoTime();
            org.h2.mvstore.MVStoreTool.compact(file.toString(), false);
            LOG.info("compacted {} from {} MB to {} MB in {} ms", file, before >> 20, java.nio.file.Files.size(file) >> 20, (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception | AssertionError e) { // in use, or anything H2 refuses: the file stays as it was
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            LOG.info("did not compact {} ({}: {}); it stays as it was", file, root.getClass().getSimpleName(), root.getMessage());
        }
    }
}
