package dev.rollupstudio.ui.explorer;

import dev.rollupstudio.explorer.Decoded;
import dev.rollupstudio.explorer.ExplorerModel.AccountDetail;
import dev.rollupstudio.explorer.ExplorerModel.BatchRow;
import dev.rollupstudio.explorer.ExplorerModel.BlockDetail;
import dev.rollupstudio.explorer.ExplorerModel.BlockRow;
import dev.rollupstudio.explorer.ExplorerModel.OutputRow;
import dev.rollupstudio.explorer.ExplorerModel.TxDetail;
import dev.rollupstudio.explorer.ExplorerModel.TxRow;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.ui.common.Format;
import java.math.BigDecimal;
import dev.rollupstudio.types.Wei;
import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The explorer: one search box, a virtualised table of blocks, and a detail pane whose links lead everywhere. */
public final class ExplorerScreen extends BorderPane {
    private final TableView<BlockRow> table = new TableView<>();
    private final SplitPane split = new SplitPane();
    private TableColumn<BlockRow, String> hashColumn;
    private TableColumn<BlockRow, String> gasColumn;
    private final ExplorerViewModel vm;
    private final VBox detail = new VBox(6);

    public ExplorerScreen(ExplorerViewModel vm) {
        this.vm = vm;
        getStyleClass().add("explorer");
        setPadding(new Insets(12, 16, 8, 16));
        TextField search = new TextField();
        search.setId("explorer-search");
        search.setPromptText("Block number, block or transaction hash, or address");
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setOnAction(e -> vm.search(search.getText()));
        Button go = new Button("Search", new FontIcon("fth-search"));
        go.setOnAction(e -> vm.search(search.getText()));
        Button batches = new Button("Batches");
        batches.setId("explorer-batches");
        batches.setOnAction(e -> vm.showBatches());
        Button outputs = new Button("Outputs");
        outputs.setId("explorer-outputs");
        outputs.setOnAction(e -> vm.showOutputs());
        HBox top = new HBox(8, search, go, batches, outputs);
        top.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("explorer-message");
        message.getStyleClass().add("text-muted");
        message.textProperty().bind(vm.messageProperty());
        Label pinned = new Label();
        pinned.setId("explorer-pinned");
        pinned.textProperty().bind(vm.pinnedLabelProperty());
        javafx.scene.control.Button back = new javafx.scene.control.Button("Back to the running stack");
        back.setId("explorer-unpin");
        back.setOnAction(e -> vm.unpin());
        HBox pinBar = new HBox(10, pinned, back);
        pinBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        pinBar.getStyleClass().add("explorer-pinned");
        pinBar.visibleProperty().bind(vm.pinnedLabelProperty().isNotEmpty());
        pinBar.managedProperty().bind(pinBar.visibleProperty());
        setTop(new VBox(6, pinBar, top, message));

        table.setItems(vm.blocks());
        table.setId("blocks-table");
        table.getColumns().add(column("Block", r -> Format.integer(r.number()), 64));
        table.getColumns().add(hashColumn = column("Hash", r -> r.hash().shortHex(), 152));
        table.getColumns().add(column("Txs", r -> Integer.toString(r.txCount()), 50));
        table.getColumns().add(gasColumn = column("Gas", r -> Format.compact(r.gasUsed()), 70));
        table.getColumns().add(explained(column("Age", r -> r.secondsBehindHead() == 0 ? "head" : Format.duration(r.secondsBehindHead()), 70),
                "Chain time between this block and the newest one"));
        table.getColumns().add(explained(column("Status", r -> r.status().name().toLowerCase(), 88),
                "unsafe: sequenced only; safe: its batch is on L1; finalized: that L1 block is final"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No blocks yet: launch a stack, and its blocks appear here"));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) vm.openBlock(r.number());
        });
        Button newer = new Button("Newer", new FontIcon("fth-chevron-left"));
        newer.setOnAction(e -> vm.newer());
        Button older = new Button("Older", new FontIcon("fth-chevron-right"));
        older.setOnAction(e -> vm.older());
        Button refresh = new Button("Latest", new FontIcon("fth-refresh-cw"));
        refresh.setId("explorer-refresh");
        refresh.setOnAction(e -> vm.refresh());
        HBox pager = new HBox(6, newer, older, refresh);
        VBox left = new VBox(6, table, pager);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setMinWidth(530); // every column readable at 1280 px

        detail.setId("explorer-detail");
        detail.setPadding(new Insets(4, 8, 8, 12));
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        split.getItems().setAll(left, scroll);
        split.setDividerPositions(0.45);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(8, 0, 0, 0));
        vm.detailProperty().addListener((o, a, d) -> render(d));
        render(null);
    }

    /**
     * Presentation mode: the columns a class reads (block, transactions, age, status) in larger
     * type, without the hash and gas; leaving it brings them back.
     */
    public void setPresentation(boolean on) {
        hashColumn.setVisible(!on);
        gasColumn.setVisible(!on);
        for (TableColumn<BlockRow, ?> c : table.getColumns()) {
            double base = (Double) c.getProperties().computeIfAbsent("baseWidth", k -> c.getPrefWidth());
            c.setPrefWidth(on ? base * 1.35 : base);
        }
        split.setDividerPositions(on ? 0.42 : 0.45);
    }

    /** A column whose header explains itself in a tooltip (the header's text moves into a label that can carry one). */
    private static <T> TableColumn<T, String> explained(TableColumn<T, String> c, String meaning) {
        Label header = new Label(c.getText());
        header.setTooltip(new javafx.scene.control.Tooltip(meaning));
        c.setText("");
        c.setGraphic(header);
        return c;
    }

    private static TableColumn<BlockRow, String> column(String title, java.util.function.Function<BlockRow, String> f, double width) {
        TableColumn<BlockRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static void header(GridPane g, String... titles) {
        for (int i = 0; i < titles.length; i++) {
            Label l = new Label(titles[i]);
            l.getStyleClass().addAll("text-muted", "text-small");
            g.add(l, i, 0);
        }
    }

    private void render(Object d) {
        detail.getChildren().clear();
        if (d == null) {
            Label hint = new Label("Pick a block, or search for a block number, a hash or an address.");
            hint.getStyleClass().add("text-muted");
            detail.getChildren().add(hint);
        } else if (d instanceof BlockDetail b) {
            block(b);
        } else if (d instanceof TxDetail t) {
            tx(t);
        } else if (d instanceof AccountDetail a) {
            account(a);
        } else if (d instanceof ExplorerViewModel.BatchList bl) {
            title("Batches (" + bl.rows().size() + ", newest first)");
            GridPane g = grid();
            header(g, "Batch", "L2 blocks", "Transactions, size raw → compressed, blobs, L1 block, fee");
            var rest = new javafx.scene.layout.ColumnConstraints(80, 200, Double.MAX_VALUE);
            rest.setHgrow(Priority.ALWAYS); // the last column takes what is left and wraps in it
            g.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(), new javafx.scene.layout.ColumnConstraints(), rest);
            int r = 1;
            for (BatchRow b : bl.rows()) {
                g.add(new Label("#" + b.id()), 0, r);
                g.add(new HBox(4, blockLink(b.firstL2()), new Label("to"), blockLink(b.lastL2())), 1, r);
                Label what = new Label(b.txCount() + " txs · " + Format.bytes(b.rawBytes()) + " → " + Format.bytes(b.compressedBytes()) + " · "
                        + b.blobs() + " blobs · L1 block " + b.l1Block() + " · " + eth(b.feeWei()));
                what.setWrapText(true); // never cut off: the line wraps in a narrow pane
                what.setMinHeight(Region.USE_PREF_SIZE);
                g.add(what, 2, r++);
            }
            detail.getChildren().add(g);
        } else if (d instanceof ExplorerViewModel.OutputList ol) {
            title("Outputs (" + ol.rows().size() + ", newest first)");
            GridPane g = grid();
            header(g, "Output", "L2 block", "Output root", "On L1 in block");
            int r = 1;
            for (OutputRow o : ol.rows()) {
                g.add(new Label("#" + o.index()), 0, r);
                g.add(blockLink(o.l2Block()), 1, r);
                g.add(mono(o.root().toHex()), 2, r);
                g.add(new Label("L1 block " + o.l1Block()), 3, r++);
            }
            detail.getChildren().add(g);
        }
    }

    private void block(BlockDetail b) {
        title("Block " + Format.integer(b.number()));
        GridPane g = grid();
        int r = 0;
        r = row(g, r, "Status", status(b));
        r = row(g, r, "Hash", mono(b.hash().toHex()));
        r = row(g, r, "Parent", b.number() > 0 ? blockLink(b.parentHash(), b.number() - 1) : mono(b.parentHash().toHex()));
        r = row(g, r, "Time", new Label(Instant.ofEpochSecond(b.timestampSeconds()).toString()));
        r = row(g, r, "Gas", new Label(Format.integer(b.gasUsed()) + " of " + Format.integer(b.gasLimit())));
        r = row(g, r, "Base fee", new Label(gwei(b.baseFee())));
        r = row(g, r, "Coinbase", accountLink(b.coinbase()));
        r = row(g, r, "State root", mono(b.stateRoot().toHex()));
        r = row(g, r, "Transactions root", mono(b.transactionsRoot().toHex()));
        r = row(g, r, "Receipts root", mono(b.receiptsRoot().toHex()));
        r = row(g, r, "Withdrawals root", mono(b.withdrawalsRoot().toHex()));
        r = row(g, r, "L1 origin", mono(b.l1OriginHash().toHex()));
        if (b.batch() != null) {
            r = row(g, r, "Batch", new Label("#" + b.batch().id() + " (blocks " + b.batch().firstL2() + " to " + b.batch().lastL2() + ", "
                    + b.batch().blobs() + " blobs, " + eth(b.batch().feeWei()) + ")"));
            row(g, r, "On L1", new Label("block " + b.batch().l1Block() + (b.l1InclusionTimestampMillis() == null ? ""
                    : " at " + Instant.ofEpochMilli(b.l1InclusionTimestampMillis()))));
        } else {
            row(g, r, "Batch", new Label("not posted yet: the block is only sequenced"));
        }
        detail.getChildren().add(g);
        section("Transactions (" + b.transactions().size() + ")");
        txTable(b.transactions());
    }

    private void tx(TxDetail t) {
        title(t.onL1() ? "L1 transaction" : "Transaction");
        GridPane g = grid();
        int r = 0;
        r = row(g, r, "Hash", mono(t.hash().toHex()));
        Label status = new Label(t.success() ? "success" : "failed: " + Decoded.failure(t.error(), t.revertData()));
        status.setWrapText(true);
        status.setId("tx-status");
        if (!t.success()) status.getStyleClass().add("tx-failed");
        r = row(g, r, "Status", status);
        r = row(g, r, "Block", t.onL1() ? new Label("L1 block " + Format.integer(t.block()) + ", position " + t.index())
                : new HBox(4, blockLink(t.block()), new Label("position " + t.index())));
        r = row(g, r, "Type", new Label(t.type() == 0x7e ? "deposit (0x7E)" : t.type() == 2 ? "EIP-1559 (2)" : t.type() == 1 ? "EIP-2930 (1)" : "legacy (0)"));
        r = row(g, r, "From", t.from() == null ? new Label("?") : t.onL1() ? mono(t.from().toHex()) : accountLink(t.from()));
        r = row(g, r, "To", t.onL1() ? mono(t.to() == null ? "(contract creation)" : t.to().toHex()) : t.to() != null ? accountLink(t.to())
                : t.contractAddress() != null ? new HBox(4, new Label("created"), accountLink(t.contractAddress())) : new Label("(contract creation)"));
        r = row(g, r, "Nonce", new Label(Long.toString(t.nonce())));
        java.util.function.Function<Wei, String> amount = t.onL1() ? ExplorerScreen::eth : this::coin;
        r = row(g, r, "Value", new Label(amount.apply(t.value())));
        r = row(g, r, "Gas", new Label(Format.integer(t.gasUsed()) + " used of " + Format.integer(t.gasLimit()) + " at " + gwei(t.effectiveGasPrice())));
        r = row(g, r, t.onL1() ? "Base fee" : "L2 base fee", new Label(amount.apply(t.l2BaseFee())));
        r = row(g, r, "Priority fee", new Label(amount.apply(t.priorityFee())));
        if (!t.onL1()) r = row(g, r, "L1 data fee", new Label(coin(t.l1DataFee())));
        r = row(g, r, "Total fee", new Label(amount.apply(t.l2BaseFee().add(t.priorityFee()).add(t.l1DataFee()))));
        r = row(g, r, "Logs", new Label(t.logs().isEmpty() ? "none" : Integer.toString(t.logs().size())));
        row(g, r, "Raw", mono(Bytes.toHex(t.raw()).substring(0, Math.min(66, Bytes.toHex(t.raw()).length())) + "…"));
        detail.getChildren().add(g);
        if (t.logs().isEmpty()) return;
        section("Logs (" + t.logs().size() + ")");
        GridPane logs = grid();
        int i = 0;
        for (dev.rollupstudio.chain.Log l : t.logs()) {
            logs.add(accountLink(l.address()), 0, i);
            Label text = new Label(Decoded.log(l));
            text.getStyleClass().add("log-line");
            text.setWrapText(true);
            logs.add(text, 1, i++);
        }
        detail.getChildren().add(logs);
    }

    private void account(AccountDetail a) {
        title("Account");
        GridPane g = grid();
        int r = 0;
        r = row(g, r, "Address", mono(dev.rollupstudio.chain.Eip55.checksum(a.address())));
        r = row(g, r, "Balance", new Label(a.touched() ? coin(a.balance()) : "as at genesis (untouched since)"));
        r = row(g, r, "Nonce", new Label(a.touched() ? Long.toString(a.nonce()) : "0 or as at genesis"));
        if (a.isContract()) {
            String known = Decoded.contract(a.address());
            if (known != null) r = row(g, r, "Contract", new Label(known));
            r = row(g, r, "Code", new Label(Format.integer(a.codeSize()) + " bytes"));
            r = row(g, r, "Code hash", mono(a.codeHash().toHex()));
            if (known == null) row(g, r, "Created by", a.creationTx() != null ? txLink(a.creationTx()) : new Label("the genesis allocation, or another contract"));
        }
        detail.getChildren().add(g);
        section("Latest transactions (" + a.history().size() + ")");
        txTable(a.history());
    }

    private void txTable(java.util.List<TxRow> rows) {
        GridPane g = grid();
        int r = 0;
        for (TxRow t : rows.subList(0, Math.min(rows.size(), 200))) {
            Hyperlink h = new Hyperlink(t.hash().shortHex());
            h.getStyleClass().add("mono");
            h.setOnAction(e -> vm.openTransaction(t.hash()));
            g.add(h, 0, r);
            g.add(t.from() == null ? new Label("") : accountLink(t.from()), 1, r);
            g.add(new Label("→"), 2, r);
            g.add(t.to() == null ? new Label("(create)") : accountLink(t.to()), 3, r);
            g.add(new Label(coin(t.value())), 4, r++);
        }
        if (rows.size() > 200) g.add(new Label("… and " + (rows.size() - 200) + " more"), 0, r, 5, 1);
        detail.getChildren().add(g);
    }

    private Node status(BlockDetail b) {
        Label l = new Label(switch (b.status()) {
            case FINALIZED -> "finalized (its batch is in a final L1 block)";
            case SAFE -> "safe (its batch is on L1)";
            default -> "unsafe (sequenced, not yet on L1)";
        });
        l.setId("block-status");
        return l;
    }

    private Hyperlink blockLink(long number) {
        Hyperlink h = new Hyperlink(Format.integer(number));
        h.setOnAction(e -> vm.openBlock(number));
        return h;
    }

    private Hyperlink blockLink(Hash hash, long number) {
        Hyperlink h = new Hyperlink(hash.shortHex() + " (" + Format.integer(number) + ")");
        h.setOnAction(e -> vm.openBlock(number));
        return h;
    }

    private Hyperlink txLink(Hash hash) {
        Hyperlink h = new Hyperlink(hash.shortHex());
        h.getStyleClass().add("mono");
        h.setOnAction(e -> vm.openTransaction(hash));
        return h;
    }

    private Hyperlink accountLink(Address a) {
        Hyperlink h = new Hyperlink(dev.rollupstudio.chain.Eip55.shortForm(a));
        h.setTooltip(new javafx.scene.control.Tooltip(dev.rollupstudio.chain.Eip55.checksum(a)));
        h.setOnAction(e -> vm.openAccount(a));
        return h;
    }

    private void title(String text) {
        Label l = new Label(text);
        l.setId("detail-title");
        l.getStyleClass().add("title-3");
        detail.getChildren().add(l);
    }

    private void section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("panel-title");
        l.setPadding(new Insets(8, 0, 0, 0));
        detail.getChildren().add(l);
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(2);
        return g;
    }

    private static int row(GridPane g, int r, String name, Node value) {
        Label n = new Label(name);
        n.getStyleClass().add("text-muted");
        n.setMinWidth(Region.USE_PREF_SIZE);
        g.add(n, 0, r);
        g.add(value, 1, r);
        return r + 1;
    }

    private static Label mono(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("mono");
        return l;
    }

    /** An amount on this L2, in its gas token. */
    private String coin(Wei amount) {
        return amount(amount, vm.coin());
    }

    /** An amount paid on L1, always in ETH. */
    static String eth(Wei wei) {
        return amount(wei, "ETH");
    }

    private static String amount(Wei wei, String unit) {
        return new BigDecimal(wei.value()).movePointLeft(18).stripTrailingZeros().toPlainString() + " " + unit;
    }

    static String gwei(Wei wei) {
        return new BigDecimal(wei.value()).movePointLeft(9).stripTrailingZeros().toPlainString() + " gwei";
    }
}
