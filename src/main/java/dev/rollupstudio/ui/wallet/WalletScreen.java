package dev.rollupstudio.ui.wallet;

import dev.rollupstudio.types.Amount;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.ui.wallet.WalletViewModel.AccountRow;
import dev.rollupstudio.ui.wallet.WalletViewModel.BalanceRow;
import dev.rollupstudio.ui.wallet.WalletViewModel.HistoryRow;
import dev.rollupstudio.ui.wallet.WalletViewModel.NetworkRow;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import static dev.rollupstudio.ui.common.Controls.button;
import static dev.rollupstudio.ui.common.Controls.spacer;

/**
 * The Wallet screen: accounts on the left (yours, then the devnet's dev accounts, labelled), and
 * for the selected one its balances on each chain, a send form and a deposit/withdraw form with a
 * fee preview, the history of what it sent with live statuses, and each chain's network data for
 * MetaMask. Balances and statuses refresh every two seconds while the screen is shown.
 */
public final class WalletScreen extends BorderPane {
    private final WalletViewModel vm;
    private final Timeline refresh;

    /** {@code openTransaction}: shows a rollup transaction in the explorer. */
    public WalletScreen(WalletViewModel vm, Consumer<Hash> openTransaction) {
        this.vm = vm;
        getStyleClass().add("wallet");
        setPadding(new Insets(12, 16, 8, 16));

        Label title = new Label("Wallet");
        title.getStyleClass().add("title-3");
        Label lockState = new Label();
        lockState.setId("wallet-lock-state");
        lockState.getStyleClass().add("text-muted");
        Button[] keyButtons = new Button[2];
        Runnable showLock = () -> {
            AccountRow a = vm.selectedProperty().get();
            lockState.setText(a == null ? "" : a.dev() ? "dev key: always unlocked" : vm.canSign() ? "unlocked" : "locked");
            for (Button b : keyButtons) if (b != null) b.setDisable(a == null || a.dev());
        };
        vm.selectedProperty().addListener((o, x, y) -> showLock.run());
        vm.lockedProperty().addListener((o, x, y) -> showLock.run());
        Button unlock = button("Unlock…", "fth-unlock", "wallet-unlock", () -> WalletDialogs.unlock(getScene().getWindow(), vm));
        Button lock = button("Lock", "fth-lock", "wallet-lock", vm::lock);
        keyButtons[0] = unlock;
        keyButtons[1] = lock;
        Button create = button("Create wallet…", "fth-plus", "wallet-create", () -> WalletDialogs.create(getScene().getWindow(), vm));
        Button importB = button("Import…", "fth-download", "wallet-import", () -> WalletDialogs.importAccount(getScene().getWindow(), vm));
        Button export = button("Export…", "fth-upload", "wallet-export", () -> WalletDialogs.export(getScene().getWindow(), vm));
        ComboBox<Integer> idle = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(1, 5, 15, 60));
        idle.setId("wallet-idle");
        idle.setValue(vm.idleLockMinutesProperty().get());
        idle.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Integer m) {
                return m == null ? "" : "lock after " + m + " min";
            }

            @Override public Integer fromString(String s) {
                return Integer.valueOf(s.replaceAll("\\D", ""));
            }
        });
        idle.valueProperty().addListener((o, a, b) -> {
            if (b != null) vm.idleLockMinutesProperty().set(b);
        });
        HBox top = new HBox(8, title, spacer(), lockState, idle, unlock, lock, create, importB, export);
        for (javafx.scene.Node n : top.getChildren()) {
            if (n instanceof javafx.scene.control.Control c) c.setMinWidth(Region.USE_PREF_SIZE); // never "Unloc…": the spacer gives way first
        }
        top.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("wallet-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        setTop(new VBox(6, top, message));

        ListView<AccountRow> accounts = new ListView<>(vm.accounts());
        accounts.setId("wallet-accounts");
        accounts.setPrefWidth(390);
        accounts.setMaxWidth(390);
        accounts.setCellFactory(l -> new ListCell<>() {
            @Override protected void updateItem(AccountRow a, boolean empty) {
                super.updateItem(a, empty);
                setText(null);
                if (empty || a == null) {
                    setGraphic(null);
                    return;
                }
                Label name = new Label(a.title());
                name.getStyleClass().add(a.dev() ? "text-muted" : "panel-title");
                Label address = new Label(dev.rollupstudio.chain.Eip55.checksum(a.address()));
                address.getStyleClass().add("mono");
                setGraphic(new VBox(2, name, address));
            }
        });
        accounts.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.selectedProperty().set(b);
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && b != accounts.getSelectionModel().getSelectedItem()) accounts.getSelectionModel().select(b);
        });
        Label devNote = new Label("Dev accounts are the devnet's well-known keys (Anvil's and Hardhat's): anyone can spend from them.");
        devNote.setWrapText(true);
        devNote.getStyleClass().add("text-muted");
        devNote.setMaxWidth(390);
        VBox left = new VBox(6, section("Accounts"), accounts, devNote);
        left.setMaxWidth(402);
        VBox.setVgrow(accounts, Priority.ALWAYS);
        left.setPadding(new Insets(8, 12, 0, 0));
        setLeft(left);

        TableView<BalanceRow> balances = table("wallet-balances", vm.balances());
        balances.getColumns().add(column("Chain", BalanceRow::chain, 200));
        balances.getColumns().add(column("Native coin (pays fees)", BalanceRow::coin, 220));
        balances.getColumns().add(column("ALT token (ERC-20)", BalanceRow::alt, 220));
        balances.setMinHeight(120);
        balances.setPrefHeight(130);
        Label offline = new Label("No stack is running: launch one from the composer, and its L1 and rollup appear here.");
        offline.getStyleClass().add("text-muted");
        offline.visibleProperty().bind(vm.connectedProperty().not());
        offline.managedProperty().bind(offline.visibleProperty());

        TextField to = field("wallet-to", "Recipient, 0x… (EIP-55 checked)", 360);
        TextField amount = field("wallet-amount", "Amount, e.g. 1.5", 140);
        ComboBox<Amount.Token> token = tokens("wallet-token");
        ComboBox<Long> chain = new ComboBox<>();
        chain.setId("wallet-chain");
        chain.setPromptText("Chain");
        vm.networks().addListener((javafx.collections.ListChangeListener<NetworkRow>) c -> {
            Long keep = chain.getValue();
            chain.getItems().setAll(vm.chainIds());
            chain.setValue(keep != null && chain.getItems().contains(keep) ? keep : chain.getItems().size() > 1 ? chain.getItems().get(1) : null);
        });
        Button preview = button("Preview fee", "fth-eye", "wallet-preview", () -> vm.previewSend(to.getText(), amount.getText(), token.getValue(), chain.getValue()));
        Button send = button("Send", "fth-send", "wallet-send", () -> vm.send(to.getText(), amount.getText(), token.getValue(), chain.getValue()));
        send.getStyleClass().add("accent");
        GridPane sendForm = new GridPane();
        sendForm.setHgap(8);
        sendForm.setVgap(6);
        sendForm.addRow(0, new Label("To"), to);
        GridPane.setColumnSpan(to, 3);
        sendForm.addRow(1, new Label("Amount"), amount, token, chain);
        sendForm.add(new HBox(8, preview, send), 1, 2, 3, 1);

        TextField bridgeAmount = field("wallet-bridge-amount", "Amount", 140);
        ComboBox<Amount.Token> bridgeToken = tokens("wallet-bridge-token");
        Button deposit = button("Deposit from L1", "fth-arrow-down-circle", "wallet-deposit",
                () -> vm.deposit(bridgeAmount.getText(), bridgeToken.getValue(), rollupOf(chain), true));
        Button withdraw = button("Withdraw to L1", "fth-arrow-up-circle", "wallet-withdraw",
                () -> vm.withdraw(bridgeAmount.getText(), bridgeToken.getValue(), rollupOf(chain), true));
        HBox bridge = new HBox(8, new Label("Bridge"), bridgeAmount, bridgeToken, deposit, withdraw);
        bridge.setAlignment(Pos.CENTER_LEFT);
        Label bridgeNote = new Label("Deposits arrive when the rollup takes their L1 block; withdrawals are proven against an output, "
                + "then finalized after the challenge window, with each step in the history.");
        bridgeNote.setWrapText(true);
        bridgeNote.getStyleClass().add("text-muted");
        Label fee = new Label();
        fee.setId("wallet-fee");
        fee.setWrapText(true);
        fee.textProperty().bind(vm.previewProperty());

        TableView<HistoryRow> history = table("wallet-history", vm.history());
        history.getColumns().add(column("What", HistoryRow::what, 300));
        history.getColumns().add(column("Chain", HistoryRow::chain, 80));
        history.getColumns().add(column("Status", HistoryRow::status, 260));
        history.getColumns().add(column("Transaction", r -> r.hash().shortHex(), 130));
        history.setPlaceholder(new Label("Nothing sent yet"));
        history.setMinHeight(170);
        linked(history, openTransaction);

        TableView<HistoryRow> fees = table("wallet-fees", vm.fees());
        fees.getColumns().add(column("Payment", HistoryRow::what, 430));
        fees.getColumns().add(column("Status", HistoryRow::status, 200));
        fees.getColumns().add(column("Transaction", r -> r.hash().shortHex(), 130));
        fees.setPlaceholder(new Label("No launch paid from this account yet"));
        fees.setMinHeight(90);
        fees.setPrefHeight(100);
        linked(fees, openTransaction);

        TableView<NetworkRow> networks = table("wallet-networks", vm.networks());
        networks.getColumns().add(column("Network name", NetworkRow::name, 200));
        networks.getColumns().add(column("Chain ID", r -> Long.toString(r.chainId()), 80));
        networks.getColumns().add(column("RPC URL", NetworkRow::rpcUrl, 220));
        networks.getColumns().add(column("Currency", NetworkRow::currency, 80));
        networks.setMinHeight(110);
        networks.setPrefHeight(110);

        TableView<WalletViewModel.StakeRow> stakes = table("wallet-stakes", vm.stakes());
        stakes.getColumns().add(column("Staked with", WalletViewModel.StakeRow::where, 250));
        stakes.getColumns().add(column("Worth", WalletViewModel.StakeRow::worth, 110));
        stakes.getColumns().add(column("Cooldown", WalletViewModel.StakeRow::cooling, 110));
        stakes.getColumns().add(column("Earned", WalletViewModel.StakeRow::earned, 100));
        stakes.getColumns().add(column("State", WalletViewModel.StakeRow::status, 280));
        Label noStake = new Label("Nothing staked from this account: stake or delegate ALT with `rollup-studio wallet stake` or `wallet delegate`");
        noStake.getStyleClass().add("text-muted");
        noStake.setWrapText(true);
        stakes.setPlaceholder(noStake);
        stakes.setMinHeight(120);
        stakes.setPrefHeight(130);

        VBox center = new VBox(8, section("Balances"), offline, balances, section("Staking (stALT vault and delegations to operators, on L1)"), stakes,
                section("Send"), sendForm, bridge, bridgeNote, fee,
                section("History"), history, section("Rollup-as-a-Service fees paid"), fees, new GovernancePanel(vm), section("Add to MetaMask (Settings → Networks → Add a network manually)"), networks);
        VBox.setVgrow(history, Priority.ALWAYS);
        center.setPadding(new Insets(8, 0, 0, 4));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(center);
        scroll.setFitToWidth(true);
        setCenter(scroll);

        refresh = new Timeline(new KeyFrame(Duration.seconds(2), e -> {
            vm.tick();
            vm.refresh();
        }));
        refresh.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                vm.loadAccounts();
                refresh.play();
            } else {
                refresh.stop();
            }
        });
    }

    /** Larger text for a projector. */
    public void setPresentation(boolean on) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("presentation"), on);
    }

    /** The rollup a deposit or withdrawal goes to: the chosen chain if it is a rollup, else the first rollup. */
    private Long rollupOf(ComboBox<Long> chain) {
        var ids = vm.chainIds();
        if (ids.size() < 2) return null;
        Long c = chain.getValue();
        return c != null && !c.equals(ids.get(0)) ? c : ids.get(1);
    }

    /** Double-clicking a row opens its transaction in the explorer. */
    private static void linked(TableView<HistoryRow> table, Consumer<Hash> open) {
        table.setRowFactory(t -> {
            TableRow<HistoryRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) open.accept(row.getItem().hash());
            });
            return row;
        });
        javafx.scene.control.Tooltip.install(table, new javafx.scene.control.Tooltip("Double-click a transaction to open it in the explorer"));
    }

    static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("panel-title");
        return l;
    }

    static TextField field(String id, String prompt, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        return f;
    }

    private static ComboBox<Amount.Token> tokens(String id) {
        ComboBox<Amount.Token> c = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Amount.Token.ETH, Amount.Token.ALT));
        c.setId(id);
        c.setValue(Amount.Token.ETH);
        c.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(Amount.Token t) {
                return t == null ? "" : t.symbol();
            }

            @Override public Amount.Token fromString(String s) {
                return Amount.Token.ETH.symbol().equals(s) ? Amount.Token.ETH : Amount.Token.ALT;
            }
        });
        return c;
    }

    static <T> TableView<T> table(String id, javafx.collections.ObservableList<T> items) {
        TableView<T> t = new TableView<>(items);
        t.setId(id);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
