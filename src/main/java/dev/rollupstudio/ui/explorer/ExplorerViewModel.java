package dev.rollupstudio.ui.explorer;

import dev.rollupstudio.explorer.ExplorerModel.BlockRow;
import dev.rollupstudio.explorer.ExplorerQueries;
import dev.rollupstudio.explorer.Search;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The explorer's state: a page of blocks, the detail being shown (a block, transaction,
 * account, or the batch and output lists) and a message. Queries run on a background executor;
 * results land on the FX executor. Each query's time is kept for the monitor.
 */
public final class ExplorerViewModel {
    public static final int PAGE = 100;
    private final Supplier<Optional<ExplorerQueries>> source;
    private final Executor background;
    private final Supplier<String> coin;
    private final Executor fx;
    private final ObservableList<BlockRow> blocks = FXCollections.observableArrayList();
    private final ObjectProperty<Object> detail = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final LongProperty lastQueryMicros = new SimpleLongProperty();
    private long offset;
    /** A chain the user opened from elsewhere (an ephemeral rollup), shown instead of the running stack's until {@link #unpin}. */
    private volatile ExplorerQueries pinned;
    private volatile String pinnedCoin;
    private final StringProperty pinnedLabel = new SimpleStringProperty("");

    public ExplorerViewModel(Supplier<Optional<ExplorerQueries>> source, Executor background, Executor fx) {
        this(source, () -> "ETH", background, fx);
    }

    /** {@code coin}: the symbol of the shown chain's gas token, in which its balances, values and fees are counted. */
    public ExplorerViewModel(Supplier<Optional<ExplorerQueries>> source, Supplier<String> coin, Executor background, Executor fx) {
        this.source = source;
        this.coin = coin;
        this.background = background;
        this.fx = fx;
    }

    /** The unit of the shown chain's amounts: ETH, ALT or the custom token's symbol. */
    public String coin() {
        String c = pinnedCoin;
        return pinned != null && c != null ? c : coin.get();
    }

    /** Shows {@code chain} (labelled, its amounts in {@code coin}) instead of the running stack's chain, from its newest block. */
    public void pin(String label, String coin, ExplorerQueries chain) {
        pinned = chain;
        pinnedCoin = coin;
        pinnedLabel.set(label);
        offset = 0;
        detail.set(null);
        refresh();
    }

    /** Back to the running stack's chain. */
    public void unpin() {
        pinned = null;
        pinnedLabel.set("");
        offset = 0;
        detail.set(null);
        refresh();
    }

    /** Empty, or what the explorer shows instead of the running stack. */
    public StringProperty pinnedLabelProperty() { return pinnedLabel; }

    public ObservableList<BlockRow> blocks() { return blocks; }
    public ObjectProperty<Object> detailProperty() { return detail; }
    public StringProperty messageProperty() { return message; }
    public LongProperty lastQueryMicrosProperty() { return lastQueryMicros; }

    public void refresh() {
        run(q -> q.blocks(offset, PAGE), rows -> {
            blocks.setAll(rows);
            message.set(rows.isEmpty() ? "No blocks stored yet." : "Blocks " + rows.get(rows.size() - 1).number() + " to " + rows.get(0).number());
        });
    }

    public void older() {
        offset += PAGE;
        refresh();
    }

    public void newer() {
        offset = Math.max(0, offset - PAGE);
        refresh();
    }

    public void openBlock(long number) {
        run(q -> q.block(number), d -> show(d, "no block " + number + " is stored"));
    }

    public void openBlock(Hash hash) {
        run(q -> q.block(hash), d -> show(d, "no block with hash " + hash.shortHex()));
    }

    public void openTransaction(Hash hash) {
        run(q -> q.transaction(hash), d -> show(d, "no transaction with hash " + hash.shortHex()));
    }

    public void openAccount(Address address) {
        run(q -> q.account(address, 50), detail::set);
    }

    public void showBatches() {
        run(q -> new BatchList(q.batches(200)), detail::set);
    }

    public void showOutputs() {
        run(q -> new OutputList(q.outputs(200)), detail::set);
    }

    /** A search box entry: a number opens that block, a hash a block or else a transaction, an address its account. */
    public void search(String text) {
        Search s = Search.parse(text);
        if (s instanceof Search.BlockNumber n) openBlock(n.number());
        else if (s instanceof Search.AccountOf a) openAccount(a.address());
        else if (s instanceof Search.HashOf h) {
            run(q -> q.block(h.hash()).<Object>map(b -> b).or(() -> q.transaction(h.hash()).map(t -> t)),
                    d -> show(d, "nothing stored has hash " + h.hash().shortHex()));
        } else message.set(((Search.Unknown) s).why());
    }

    public record BatchList(List<dev.rollupstudio.explorer.ExplorerModel.BatchRow> rows) {}

    public record OutputList(List<dev.rollupstudio.explorer.ExplorerModel.OutputRow> rows) {}

    private <T> void show(Optional<T> d, String missing) {
        if (d.isPresent()) detail.set(d.get());
        else message.set(missing);
    }

    private <T> void run(Function<ExplorerQueries, T> query, java.util.function.Consumer<T> apply) {
        background.execute(() -> {
            ExplorerQueries p = pinned;
            Optional<ExplorerQueries> q = p != null ? Optional.of(p) : source.get();
            if (q.isEmpty()) {
                fx.execute(() -> message.set("No chain stored yet: launch a stack and the explorer fills as blocks are sealed."));
                return;
            }
            try {
                long t0 = System.nanoTime();
                T result = query.apply(q.get());
                long micros = (System.nanoTime() - t0) / 1000;
                fx.execute(() -> {
                    lastQueryMicros.set(micros);
                    apply.accept(result);
                });
            } catch (RuntimeException e) {
                fx.execute(() -> message.set(e.getMessage()));
            }
        });
    }
}
