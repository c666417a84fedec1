package dev.rollupstudio.ui.wallet;

import dev.rollupstudio.types.Amount;
import dev.rollupstudio.ui.wallet.WalletViewModel.FeeOffer;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Launching a stack is a Rollup-as-a-Service purchase: this dialog shows the fee in ALT, who pays
 * it, their ALT on L1 before and after (or how much is missing, with the dev wallet one click away)
 * and asks for the password of a locked account. Paying sends a real ERC-20 transfer to the
 * treasury; cancelling stops the stack.
 */
public final class LaunchFeeDialog {
    private static final ButtonType PAY = new ButtonType("Pay and launch", ButtonBar.ButtonData.OK_DONE);
    private static final ButtonType FUND = new ButtonType("Fund from dev wallet", ButtonBar.ButtonData.OTHER);
    private static final ButtonType CANCEL = new ButtonType("Cancel launch", ButtonBar.ButtonData.CANCEL_CLOSE);

    private LaunchFeeDialog() {}

    /** Shows the dialog; returns true once the fee is paid, false if the user cancelled. */
    public static boolean show(Window owner, WalletViewModel vm, Amount fee, String stack, String breakdown) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Launch " + stack);
        d.setHeaderText("Launching " + stack + " is a purchase from Rollup-as-a-Service, paid in ALT on the L1.");
        Label feeLabel = new Label(fee + "  (" + breakdown + ")");
        feeLabel.setId("fee-amount");
        Label payer = new Label("…");
        payer.setId("fee-payer");
        Label before = new Label("…");
        before.setId("fee-balance");
        Label after = new Label("…");
        after.setId("fee-after");
        after.setWrapText(true);
        PasswordField password = new PasswordField();
        password.setId("fee-password");
        password.setPromptText("Password of the paying account");
        Label problem = new Label();
        problem.setId("fee-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(520);
        problem.getStyleClass().add("text-danger");
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, new Label("Fee"), feeLabel);
        g.addRow(1, new Label("Paid by"), payer);
        g.addRow(2, new Label("ALT on L1"), before);
        g.addRow(3, new Label("After paying"), after);
        g.addRow(4, new Label("Password"), password);
        Label to = new Label("To the RaaS treasury " + dev.rollupstudio.chain.Eip55.shortForm(dev.rollupstudio.contracts.Alt.TREASURY)
                + ", as an ERC-20 transfer you can find in the wallet's fee history.");
        to.getStyleClass().add("text-muted");
        to.setWrapText(true);
        VBox box = new VBox(10, g, to, problem);
        box.setPadding(new Insets(4));
        box.setPrefWidth(560);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(PAY, FUND, CANCEL);
        Button pay = (Button) d.getDialogPane().lookupButton(PAY);
        Button fund = (Button) d.getDialogPane().lookupButton(FUND);
        pay.setId("fee-pay");
        fund.setId("fee-fund");
        FeeOffer[] offer = {null};
        Runnable[] reprice = {null};
        reprice[0] = () -> {
            pay.setDisable(true);
            fund.setDisable(true);
            vm.offerLaunchFee(fee, stack, o -> {
                offer[0] = o;
                payer.setText(o.payer().label() + (o.payer().dev() ? "  (dev wallet)" : ""));
                before.setText(o.before() == null ? "unknown" : o.before().toString());
                after.setText(o.after() != null ? o.after().toString() : o.missing() != null ? o.missing() + " missing: fund it from the dev wallet" : "");
                password.setDisable(o.canSign());
                problem.setText(o.problem() == null ? "" : o.problem());
                pay.setDisable(o.missing() != null || o.before() == null);
                fund.setDisable(o.payer().dev() || o.before() == null);
            });
        };
        reprice[0].run();
        fund.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            FeeOffer o = offer[0];
            if (o == null) return;
            Amount need = o.missing() != null ? o.missing() : fee;
            problem.setText("Funding " + need + " and 1 ETH for fees from dev account 0…");
            fund.setDisable(true);
            vm.fundFromDev(need, o.payer().address(), p -> {
                if (p != null) problem.setText(p);
                reprice[0].run();
            });
        });
        pay.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            FeeOffer o = offer[0];
            if (o == null) return;
            pay.setDisable(true);
            problem.setText("Paying…");
            vm.payLaunchFee(o, stack, password.getText(), p -> {
                if (p == null) {
                    d.setResult(PAY);
                    d.close();
                } else {
                    problem.setText(p);
                    pay.setDisable(false);
                }
            });
        });
        return d.showAndWait().orElse(CANCEL) == PAY;
    }
}
