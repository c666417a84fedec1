package dev.rollupstudio.ui.wallet;

import java.io.File;
import java.security.SecureRandom;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The wallet's dialogs: unlock, create (words shown masked until a button is held, then two of
 * them typed back before anything is saved), import (words, a private key, or a keystore file),
 * and export. Secrets live in the dialogs' fields only and are handed to the view model once.
 */
final class WalletDialogs {
    private WalletDialogs() {}

    static void unlock(Window owner, WalletViewModel vm) {
        if (vm.selectedProperty().get() == null || vm.selectedProperty().get().dev()) return;
        PasswordField password = password("wallet-unlock-password");
        Dialog<ButtonType> d = dialog(owner, "Unlock", "The password of " + vm.selectedProperty().get().label(), new VBox(8, password));
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.unlock(password.getText(), () -> {}));
    }

    static void create(Window owner, WalletViewModel vm) {
        ComboBox<Integer> count = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(12, 24));
        count.setValue(12);
        PasswordField password = password("wallet-new-password");
        PasswordField again = password("wallet-new-password-again");
        GridPane g = grid();
        g.addRow(0, new Label("Words"), count);
        g.addRow(1, new Label("Password"), password);
        g.addRow(2, new Label("Again"), again);
        Dialog<ButtonType> first = dialog(owner, "Create a wallet", "A new BIP-39 mnemonic; its accounts are kept encrypted with this password.", g);
        if (first.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) return;
        if (!password.getText().equals(again.getText())) {
            vm.messageProperty().set("The two passwords differ; nothing was created.");
            return;
        }
        String words = vm.newWords(count.getValue());
        String[] w = words.split(" ");
        Label shown = new Label(masked(w));
        shown.setId("wallet-words");
        shown.setWrapText(true);
        shown.setMaxWidth(520);
        shown.setStyle("-fx-font-family: monospace; -fx-font-size: 15px;");
        Button reveal = new Button("Hold to reveal");
        reveal.setId("wallet-reveal");
        reveal.setOnMousePressed(e -> shown.setText(numbered(w)));
        reveal.setOnMouseReleased(e -> shown.setText(masked(w)));
        Dialog<ButtonType> second = dialog(owner, "Write the words down", "In order, on paper, kept offline: they are shown once and restore every account.",
                new VBox(10, shown, reveal));
        if (second.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) return;
        SecureRandom random = new SecureRandom();
        int a = random.nextInt(w.length), b = (a + 1 + random.nextInt(w.length - 1)) % w.length;
        int i = Math.min(a, b), j = Math.max(a, b);
        TextField first1 = new TextField();
        first1.setId("wallet-confirm-1");
        TextField second1 = new TextField();
        second1.setId("wallet-confirm-2");
        GridPane c = grid();
        c.addRow(0, new Label("Word " + (i + 1)), first1);
        c.addRow(1, new Label("Word " + (j + 1)), second1);
        Dialog<ButtonType> third = dialog(owner, "Confirm the words", "Type two of the words back, so we know they were written down.", c);
        if (third.showAndWait().filter(x -> x == ButtonType.OK).isEmpty()) return;
        boolean ok = w[i].equals(first1.getText().strip().toLowerCase(Locale.ROOT)) && w[j].equals(second1.getText().strip().toLowerCase(Locale.ROOT));
        vm.saveMnemonic(words, "", 1, password.getText(), ok, () -> {});
    }

    static void importAccount(Window owner, WalletViewModel vm) {
        TextArea words = new TextArea();
        words.setId("wallet-import-words");
        words.setPromptText("The 12 or 24 words, separated by spaces");
        words.setPrefRowCount(3);
        words.setWrapText(true);
        PasswordField passphrase = password("wallet-import-passphrase");
        passphrase.setPromptText("Optional BIP-39 passphrase");
        ComboBox<Integer> accounts = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(1, 2, 3, 5, 10));
        accounts.setValue(1);
        GridPane m = grid();
        m.addRow(0, new Label("Words"), words);
        m.addRow(1, new Label("Passphrase"), passphrase);
        m.addRow(2, new Label("Accounts"), accounts);
        PasswordField key = password("wallet-import-key");
        key.setPromptText("64 hex digits");
        TextField file = new TextField();
        file.setPromptText("A keystore (V3 JSON) file");
        Button browse = new Button("Choose…");
        browse.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            File f = fc.showOpenDialog(owner);
            if (f != null) file.setText(f.getPath());
        });
        TabPane tabs = new TabPane(new Tab("Mnemonic", m), new Tab("Private key", new VBox(8, key)), new Tab("Keystore file", new VBox(8, file, browse)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        PasswordField password = password("wallet-import-password");
        password.setPromptText("Password (for a keystore file: its own)");
        Dialog<ButtonType> d = dialog(owner, "Import", "Imported keys are kept encrypted in your keystore folder.", new VBox(10, tabs, password));
        if (d.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) return;
        switch (tabs.getSelectionModel().getSelectedIndex()) {
            case 0 -> vm.saveMnemonic(words.getText(), passphrase.getText(), accounts.getValue(), password.getText(), true, () -> {});
            case 1 -> vm.importKey(key.getText(), password.getText(), () -> {});
            default -> vm.importFile(java.nio.file.Path.of(file.getText().strip()), password.getText(), () -> {});
        }
    }

    static void export(Window owner, WalletViewModel vm) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("keystore.json");
        File f = fc.showSaveDialog(owner);
        if (f != null) vm.export(f.toPath());
    }

    private static String numbered(String[] w) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < w.length; i++) s.append(String.format("%2d. %-9s", i + 1, w[i])).append((i + 1) % 4 == 0 ? "\n" : " ");
        return s.toString().stripTrailing();
    }

    private static String masked(String[] w) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < w.length; i++) s.append(String.format("%2d. %-9s", i + 1, "•••••")).append((i + 1) % 4 == 0 ? "\n" : " ");
        return s.toString().stripTrailing();
    }

    private static PasswordField password(String id) {
        PasswordField p = new PasswordField();
        p.setId(id);
        p.setPromptText("Password (8 characters or more)");
        return p;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        return g;
    }

    private static Dialog<ButtonType> dialog(Window owner, String title, String header, javafx.scene.Node content) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(header);
        VBox box = new VBox(content);
        box.setPadding(new Insets(4));
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        return d;
    }
}
