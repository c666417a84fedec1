package dev.rollupstudio.ui.wallet;

import static dev.rollupstudio.ui.common.Controls.button;
import static dev.rollupstudio.ui.wallet.WalletScreen.column;
import static dev.rollupstudio.ui.wallet.WalletScreen.field;
import static dev.rollupstudio.ui.wallet.WalletScreen.section;
import static dev.rollupstudio.ui.wallet.WalletScreen.table;

import dev.rollupstudio.contracts.Governance.ChangeKind;
import dev.rollupstudio.contracts.Governance.Support;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Wallet screen's governance section: ALT proposals with their votes and countdown, votes and
 * the timelock's queue and execute for the chosen proposal, and a form to propose a change to a
 * running rollup, all signed by the selected account.
 */
final class GovernancePanel extends VBox {
    GovernancePanel(WalletViewModel vm) {
        super(8);
        TableView<ProposalRow> proposals = table("wallet-proposals", vm.proposals());
        proposals.getColumns().add(column("#", ProposalRow::number, 36));
        var change = column("Change", ProposalRow::change, 215);
        change.setCellFactory(c -> new javafx.scene.control.TableCell<>() { // a long change is cut to the column: whole on hover
            private final javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();

            @Override protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                whole.setText(item);
                setTooltip(empty || item == null ? null : whole);
            }
        });
        proposals.getColumns().add(change);
        proposals.getColumns().add(column("For", ProposalRow::forVotes, 58));
        proposals.getColumns().add(column("Against", ProposalRow::against, 76));
        proposals.getColumns().add(column("Abstain", ProposalRow::abstain, 76));
        proposals.getColumns().add(column("Where it stands", ProposalRow::next, 260));
        proposals.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override protected void updateItem(ProposalRow r, boolean empty) {
                super.updateItem(r, empty);
                setTooltip(r == null || empty ? null : new javafx.scene.control.Tooltip(r.number() + " " + r.change() + "\n" + r.next()
                        + "\nALT for " + r.forVotes() + ", against " + r.against() + ", abstaining " + r.abstain()));
            }
        });
        Label none = new Label("No proposals yet: propose a change below, or with `rollup-studio gov propose`");
        none.getStyleClass().add("text-muted");
        proposals.setPlaceholder(none);
        proposals.setMinHeight(110);
        proposals.setPrefHeight(130);

        Consumer<Consumer<String>> onChosen = act -> {
            ProposalRow r = proposals.getSelectionModel().getSelectedItem();
            if (r == null) vm.messageProperty().set("Choose a proposal in the table first.");
            else act.accept(r.number());
        };
        HBox votes = new HBox(8, new Label("Chosen proposal"),
                button("For", "fth-thumbs-up", "gov-vote-for", () -> onChosen.accept(n -> vm.vote(n, Support.FOR))),
                button("Against", "fth-thumbs-down", "gov-vote-against", () -> onChosen.accept(n -> vm.vote(n, Support.AGAINST))),
                button("Abstain", "fth-minus-circle", "gov-vote-abstain", () -> onChosen.accept(n -> vm.vote(n, Support.ABSTAIN))),
                button("Queue", "fth-clock", "gov-queue", () -> onChosen.accept(n -> vm.advance(n, false))),
                button("Execute", "fth-play", "gov-execute", () -> onChosen.accept(n -> vm.advance(n, true))));
        votes.setAlignment(Pos.CENTER_LEFT);

        ComboBox<ChangeKind> kind = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(ChangeKind.values()));
        kind.setId("gov-kind");
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(ChangeKind k) {
                return k == null ? "" : k.label;
            }

            @Override public ChangeKind fromString(String s) {
                return null;
            }
        });
        ComboBox<Long> chain = new ComboBox<>();
        chain.setId("gov-chain");
        chain.setPromptText("Rollup");
        chain.setOnShowing(e -> {
            Long keep = chain.getValue();
            var ids = vm.chainIds();
            chain.getItems().setAll(ids.size() > 1 ? ids.subList(1, ids.size()) : ids);
            chain.setValue(keep);
        });
        TextField value = field("gov-value", "", 200);
        kind.valueProperty().addListener((o, a, k) -> {
            value.setPromptText(k == null ? "" : k.hint);
            chain.setDisable(k == ChangeKind.QUORUM || k == ChangeKind.ADMIT_COMPONENT);
        });
        kind.setValue(ChangeKind.GAS_LIMIT);
        Button propose = button("Propose", "fth-file-plus", "gov-propose", () -> {
            if (kind.getValue() != null) vm.propose(kind.getValue(), chain.getValue(), value.getText());
        });
        propose.getStyleClass().add("accent");
        Label proposeLabel = new Label("Propose");
        // the words and buttons keep their width; the kind and the value give way on a narrow window
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[] {proposeLabel, chain, propose}) r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        kind.setPrefWidth(210);
        kind.setMinWidth(140);
        value.setMinWidth(110);
        HBox.setHgrow(value, javafx.scene.layout.Priority.ALWAYS);
        HBox form = new HBox(8, proposeLabel, kind, chain, value, propose);
        form.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label("ALT votes once delegated (dev accounts are, from genesis). A proposal opens for votes after one L1 block, "
                + "passes with more for than against and the quorum, waits in the timelock, then changes the running rollup from the first "
                + "L2 block whose L1 origin holds it.");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        getChildren().addAll(section("Governance (ALT votes on L1: Governor and timelock)"), proposals, votes, form, note);
    }
}
