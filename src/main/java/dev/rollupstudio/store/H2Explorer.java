package dev.rollupstudio.store;

import dev.rollupstudio.chain.BlockHeader;
import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.explorer.ExplorerModel.AccountDetail;
import dev.rollupstudio.explorer.ExplorerModel.BatchRow;
import dev.rollupstudio.explorer.ExplorerModel.BlockDetail;
import dev.rollupstudio.explorer.ExplorerModel.BlockRow;
import dev.rollupstudio.explorer.ExplorerModel.OutputRow;
import dev.rollupstudio.explorer.ExplorerModel.Status;
import dev.rollupstudio.explorer.ExplorerModel.TxDetail;
import dev.rollupstudio.explorer.ExplorerModel.TxRow;
import dev.rollupstudio.explorer.ExplorerQueries;
import dev.rollupstudio.types.Wei;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The explorer's queries on a runtime's H2 database, over a connection of its own (reads only). */
public final class H2Explorer implements ExplorerQueries {
    private final Connection c;
    private final Path dir;

    private H2Explorer(Connection c, Path dir) {
        this.c = c;
        this.dir = dir;
    }

    /** Opens the chain stored in {@code dir}; empty if there is none yet. */
    public static Optional<H2Explorer> open(Path dir) {
        if (!java.nio.file.Files.exists(dir.resolve("runtime.mv.db"))) return Optional.empty();
        try {
            Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("runtime") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
            c.setReadOnly(true);
            return Optional.of(new H2Explorer(c, dir));
        } catch (SQLException e) {
            throw new StoreException("the chain in " + dir + " cannot be read: " + Database.rootMessage(e), e);
        }
    }

    @Override public synchronized long latestBlock() {
        return scalar("SELECT COALESCE(MAX(number), 0) FROM l2_block");
    }

    @Override public synchronized List<BlockRow> blocks(long offset, int limit) {
        List<BlockRow> out = new ArrayList<>();
        // as in a block's detail: safe once a batch on L1 carries it, final once that L1 block is
        long posted = scalar("SELECT COALESCE(MAX(last_l2), -1) FROM batch");
        String l1Final = meta("l1.finalized");
        long fin = l1Final == null ? -1 : scalar("SELECT COALESCE(MAX(last_l2), -1) FROM batch WHERE l1_block <= " + Long.parseLong(l1Final));
        long headMillis = scalar("SELECT COALESCE(MAX(timestamp_ms), 0) FROM l2_block");
        query("SELECT number, hash, timestamp_ms, tx_count, gas_used FROM l2_block ORDER BY number DESC LIMIT ? OFFSET ?", rs -> {
            while (rs.next()) {
                long n = rs.getLong(1);
                Status st = n <= fin ? Status.FINALIZED : n <= posted ? Status.SAFE : Status.UNSAFE;
                out.add(new BlockRow(n, Hash.of(rs.getBytes(2)), rs.getLong(3) / 1000, rs.getInt(4), rs.getLong(5), st, (headMillis - rs.getLong(3)) / 1000));
            }
        }, limit, offset);
        return out;
    }

    @Override public synchronized Optional<BlockDetail> block(long number) {
        return blockWhere("number = ?", number);
    }

    @Override public synchronized Optional<BlockDetail> block(Hash hash) {
        return blockWhere("hash = ?", hash.raw());
    }

    private Optional<BlockDetail> blockWhere(String where, Object key) {
        BlockHeader[] header = {null};
        query("SELECT header FROM l2_block WHERE " + where, rs -> {
            if (rs.next()) header[0] = BlockHeader.decode(rs.getBytes(1));
        }, key);
        BlockHeader h = header[0];
        if (h == null) return Optional.empty();
        List<TxRow> txs = new ArrayList<>();
        query("SELECT hash, idx, sender, recipient, raw, gas_used, receipt FROM l2_tx WHERE block_number = ? ORDER BY idx", rs -> {
            while (rs.next()) txs.add(txRow(rs, h.number()));
        }, h.number());
        BatchRow batch = batchFor(h.number());
        Long l1Time = null;
        Status status = Status.UNSAFE;
        if (batch != null) {
            long[] l1 = {-1};
            query("SELECT timestamp_ms FROM l1_block WHERE number = ?", rs -> {
                if (rs.next()) l1[0] = rs.getLong(1);
            }, batch.l1Block());
            l1Time = l1[0] < 0 ? null : l1[0];
            String finalized = meta("l1.finalized");
            status = finalized != null && batch.l1Block() <= Long.parseLong(finalized) ? Status.FINALIZED : Status.SAFE;
        }
        return Optional.of(new BlockDetail(h.number(), h.hash(), h.parentHash(), h.timestamp(), h.stateRoot(), h.transactionsRoot(), h.receiptsRoot(),
                h.withdrawalsRoot(), h.gasUsed(), h.gasLimit(), Wei.of(h.baseFeePerGas()), h.coinbase(), -1, h.parentBeaconBlockRoot(), txs, batch, l1Time, status));
    }

    private static TxRow txRow(ResultSet rs, long block) throws SQLException {
        Transaction tx = Transaction.decode(rs.getBytes(5));
        Receipt r = Receipt.decode(rs.getBytes(7), rs.getLong(6));
        byte[] to = rs.getBytes(4);
        return new TxRow(Hash.of(rs.getBytes(1)), block, rs.getInt(2), Address.of(rs.getBytes(3)), to == null ? null : Address.of(to),
                Wei.of(tx.value()), rs.getLong(6), r.success());
    }

    private BatchRow batchFor(long l2Block) {
        BatchRow[] b = {null};
        query("SELECT id, first_l2, last_l2, tx_count, raw_bytes, compressed_bytes, blobs, l1_block, fee FROM batch WHERE first_l2 <= ? AND last_l2 >= ? ORDER BY id LIMIT 1",
                rs -> {
                    if (rs.next()) b[0] = batchRow(rs);
                }, l2Block, l2Block);
        return b[0];
    }

    private static BatchRow batchRow(ResultSet rs) throws SQLException {
        return new BatchRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getLong(5), rs.getLong(6), rs.getInt(7), rs.getLong(8),
                Wei.of(rs.getBigDecimal(9).toBigInteger()));
    }

    @Override public synchronized Optional<TxDetail> transaction(Hash hash) {
        TxDetail[] out = {null};
        query("SELECT t.block_number, t.idx, t.raw, t.receipt, t.gas_used, t.l1_fee, b.header, e.contract_address, e.error, e.revert_data FROM l2_tx t "
                        + "JOIN l2_block b ON b.number = t.block_number LEFT JOIN l2_tx_execution e ON e.hash = t.hash WHERE t.hash = ?",
                rs -> {
                    if (!rs.next()) return;
                    Transaction tx = Transaction.decode(rs.getBytes(3));
                    Receipt r = Receipt.decode(rs.getBytes(4), rs.getLong(5));
                    BigInteger baseFee = BlockHeader.decode(rs.getBytes(7)).baseFeePerGas();
                    BigInteger gas = BigInteger.valueOf(r.gasUsed());
                    boolean deposit = tx.isDeposit();
                    BigInteger tip = deposit ? BigInteger.ZERO : tx.effectiveTip(baseFee);
                    out[0] = new TxDetail(tx.hash(), tx.type().code, rs.getLong(1), rs.getInt(2), tx.sender(), tx.to(), tx.nonce(), Wei.of(tx.value()),
                            tx.gasLimit(), r.gasUsed(), r.success(), deposit ? Wei.ZERO : Wei.of(gas.multiply(baseFee)), Wei.of(gas.multiply(tip)),
                            Wei.of(rs.getBigDecimal(6).toBigInteger()), deposit ? Wei.ZERO : Wei.of(baseFee.add(tip)), r.logs(), tx.encoded(),
                            rs.getBytes(8) == null ? null : Address.of(rs.getBytes(8)), rs.getString(9), rs.getBytes(10), false);
                }, hash.raw());
        if (out[0] == null) query("SELECT t.l1_block, t.idx, t.raw, t.receipt, t.gas_used, b.base_fee FROM l1_tx t JOIN l1_block b ON b.number = t.l1_block "
                + "WHERE t.hash = ?", rs -> { // a transaction of the embedded L1: a payment, a deposit, a proof
                    if (!rs.next()) return;
                    Transaction tx = Transaction.decode(rs.getBytes(3));
                    Receipt r = Receipt.decode(rs.getBytes(4), rs.getLong(5));
                    BigInteger baseFee = rs.getBigDecimal(6).toBigInteger();
                    BigInteger gas = BigInteger.valueOf(r.gasUsed());
                    BigInteger tip = tx.effectiveTip(baseFee);
                    out[0] = new TxDetail(tx.hash(), tx.type().code, rs.getLong(1), rs.getInt(2), tx.sender(), tx.to(), tx.nonce(), Wei.of(tx.value()),
                            tx.gasLimit(), r.gasUsed(), r.success(), Wei.of(gas.multiply(baseFee)), Wei.of(gas.multiply(tip)), Wei.ZERO,
                            Wei.of(baseFee.add(tip)), r.logs(), tx.encoded(), null, null, null, true);
                }, hash.raw());
        return Optional.ofNullable(out[0]);
    }

    @Override public synchronized AccountDetail account(Address address, int historyLimit) {
        Wei[] balance = {Wei.ZERO};
        long[] nonce = {0};
        boolean[] touched = {false};
        Hash[] codeHash = {null};
        int[] codeSize = {0};
        Hash[] creation = {null};
        query("SELECT a.balance, a.nonce, a.code_hash, OCTET_LENGTH(c.code) FROM account a LEFT JOIN contract_code c ON c.hash = a.code_hash WHERE a.address = ?", rs -> {
            if (rs.next()) {
                balance[0] = Wei.of(rs.getBigDecimal(1).toBigInteger());
                nonce[0] = rs.getLong(2);
                touched[0] = true;
                if (rs.getBytes(3) != null) codeHash[0] = Hash.of(rs.getBytes(3));
                codeSize[0] = rs.getInt(4);
            }
        }, address.raw());
        if (codeSize[0] > 0) query("SELECT hash FROM l2_tx_execution WHERE contract_address = ?", rs -> {
            if (rs.next()) creation[0] = Hash.of(rs.getBytes(1));
        }, address.raw());
        List<TxRow> history = new ArrayList<>();
        query("SELECT hash, idx, sender, recipient, raw, gas_used, receipt, block_number FROM l2_tx WHERE sender = ? OR recipient = ? "
                + "ORDER BY block_number DESC, idx DESC LIMIT ?", rs -> {
                    while (rs.next()) history.add(txRow(rs, rs.getLong(8)));
                }, address.raw(), address.raw(), historyLimit);
        return new AccountDetail(address, balance[0], nonce[0], touched[0], history, codeHash[0], codeSize[0], creation[0]);
    }

    @Override public synchronized List<BatchRow> batches(int limit) {
        List<BatchRow> out = new ArrayList<>();
        query("SELECT id, first_l2, last_l2, tx_count, raw_bytes, compressed_bytes, blobs, l1_block, fee FROM batch ORDER BY id DESC LIMIT ?", rs -> {
            while (rs.next()) out.add(batchRow(rs));
        }, limit);
        return out;
    }

    @Override public synchronized List<OutputRow> outputs(int limit) {
        List<OutputRow> out = new ArrayList<>();
        query("SELECT idx, l2_block, root, l1_block, timestamp_ms FROM l1_output ORDER BY idx DESC LIMIT ?", rs -> {
            while (rs.next()) out.add(new OutputRow(rs.getLong(1), rs.getLong(2), Hash.of(rs.getBytes(3)), rs.getLong(4), rs.getLong(5)));
        }, limit);
        return out;
    }

    private interface Rows {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Rows rows, Object... args) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rows.read(rs);
            }
        } catch (SQLException e) {
            throw new StoreException("the explorer could not read " + dir + ": " + Database.rootMessage(e), e);
        }
    }

    private long scalar(String sql) {
        long[] v = {0};
        query(sql, rs -> {
            if (rs.next()) v[0] = rs.getLong(1);
        });
        return v[0];
    }

    private String meta(String key) {
        String[] v = {null};
        query("SELECT v FROM meta WHERE k = ?", rs -> {
            if (rs.next()) v[0] = rs.getString(1);
        }, key);
        return v[0];
    }

    @Override public synchronized void close() {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing left to read
        }
    }
}
