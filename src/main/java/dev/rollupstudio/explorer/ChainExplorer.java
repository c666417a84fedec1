package dev.rollupstudio.explorer;

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
import dev.rollupstudio.host.ChainBlock;
import dev.rollupstudio.host.ChainView;
import dev.rollupstudio.host.Heads;
import dev.rollupstudio.state.Account;
import dev.rollupstudio.state.WorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The explorer over a chain the devnet holds in memory (an ephemeral rollup, live or dissolved:
 * then its archive), read through its {@link ChainView} from any thread. It has what the view
 * keeps: the recent blocks with their transactions and receipts, and the latest state; batches
 * and outputs live in a stored chain's database, so it lists none.
 */
public final class ChainExplorer implements ExplorerQueries {
    /** How many blocks back an account's history looks. */
    static final int HISTORY_BLOCKS = 5_000;
    private final ChainView chain;

    public ChainExplorer(ChainView chain) {
        this.chain = chain;
    }

    @Override public long latestBlock() {
        return chain.heads().latest();
    }

    @Override public List<BlockRow> blocks(long offset, int limit) {
        Heads h = chain.heads();
        ChainBlock head = chain.block(h.latest());
        long headTime = head == null ? 0 : head.block().header().timestamp();
        List<BlockRow> out = new ArrayList<>();
        for (long n = h.latest() - offset; n >= 0 && out.size() < limit; n--) {
            ChainBlock b = chain.block(n);
            if (b == null) break; // older than the view keeps
            BlockHeader hd = b.block().header();
            out.add(new BlockRow(n, b.hash(), hd.timestamp(), b.block().transactions().size(), hd.gasUsed(), status(n, h), headTime - hd.timestamp()));
        }
        return out;
    }

    private static Status status(long n, Heads h) {
        return n <= h.finalized() ? Status.FINALIZED : n <= h.safe() ? Status.SAFE : Status.UNSAFE;
    }

    @Override public Optional<BlockDetail> block(long number) {
        return Optional.ofNullable(chain.block(number)).map(this::detail);
    }

    @Override public Optional<BlockDetail> block(Hash hash) {
        return Optional.ofNullable(chain.block(hash)).map(this::detail);
    }

    private BlockDetail detail(ChainBlock b) {
        BlockHeader h = b.block().header();
        List<TxRow> txs = new ArrayList<>();
        for (int i = 0; i < b.block().transactions().size(); i++) txs.add(row(b, i));
        return new BlockDetail(h.number(), b.hash(), h.parentHash(), h.timestamp(), h.stateRoot(), h.transactionsRoot(), h.receiptsRoot(),
                h.withdrawalsRoot(), h.gasUsed(), h.gasLimit(), Wei.of(h.baseFeePerGas()), h.coinbase(), b.origin() == null ? -1 : b.origin().number(),
                b.origin() == null ? null : b.origin().hash(), txs, null, null, status(h.number(), chain.heads()));
    }

    private static TxRow row(ChainBlock b, int i) {
        Transaction tx = b.block().transactions().get(i);
        Receipt r = b.block().receipts().get(i);
        return new TxRow(tx.hash(), b.number(), i, tx.sender(), tx.to(), Wei.of(tx.value()), r.gasUsed(), r.success());
    }

    @Override public Optional<TxDetail> transaction(Hash hash) {
        ChainView.TxLocation at = chain.transaction(hash);
        if (at == null) return Optional.empty();
        ChainBlock b = at.block();
        Transaction tx = b.block().transactions().get(at.index());
        Receipt r = b.block().receipts().get(at.index());
        BigInteger baseFee = b.block().header().baseFeePerGas();
        BigInteger gas = BigInteger.valueOf(r.gasUsed());
        boolean deposit = tx.isDeposit();
        BigInteger tip = deposit ? BigInteger.ZERO : tx.effectiveTip(baseFee);
        BigInteger l1Fee = b.l1Fees() == null || b.l1Fees().size() <= at.index() ? BigInteger.ZERO : b.l1Fees().get(at.index());
        return Optional.of(new TxDetail(tx.hash(), tx.type().code, b.number(), at.index(), tx.sender(), tx.to(), tx.nonce(), Wei.of(tx.value()),
                tx.gasLimit(), r.gasUsed(), r.success(), deposit ? Wei.ZERO : Wei.of(gas.multiply(baseFee)), Wei.of(gas.multiply(tip)), Wei.of(l1Fee),
                deposit ? Wei.ZERO : Wei.of(baseFee.add(tip)), r.logs(), tx.encoded(), null, null, null, !chain.isRollup()));
    }

    @Override public AccountDetail account(Address address, int historyLimit) {
        long head = chain.heads().latest();
        WorldState s = chain.state(head);
        Account a = s == null ? Account.EMPTY : s.account(address);
        List<TxRow> history = new ArrayList<>();
        for (long n = head; n >= Math.max(0, head - HISTORY_BLOCKS) && history.size() < historyLimit; n--) {
            ChainBlock b = chain.block(n);
            if (b == null) break;
            List<Transaction> txs = b.block().transactions();
            for (int i = txs.size() - 1; i >= 0 && history.size() < historyLimit; i--) {
                Transaction tx = txs.get(i);
                if (address.equals(tx.sender()) || address.equals(tx.to())) history.add(row(b, i));
            }
        }
        boolean touched = !a.isEmpty() || !history.isEmpty();
        int codeSize = a.hasCode() && s != null ? s.code(address).length : 0;
        return new AccountDetail(address, a.balance(), a.nonce(), touched, history, a.hasCode() ? a.codeHash() : null, codeSize, null);
    }

    @Override public List<BatchRow> batches(int limit) {
        return List.of();
    }

    @Override public List<OutputRow> outputs(int limit) {
        return List.of();
    }

    @Override public void close() {
        // the view belongs to the devnet
    }
}
