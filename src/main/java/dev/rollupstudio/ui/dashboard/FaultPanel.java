package dev.rollupstudio.ui.dashboard;

import dev.rollupstudio.runtime.fault.Fault;
import dev.rollupstudio.runtime.fault.FaultKind;
import java.util.Locale;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Runtime screen's faults: a menu to inject one into the running stack (a kind this stack
 * cannot have is disabled, saying why), and a line per injected fault with what detected it,
 * when, and how the system came back.
 */
final class FaultPanel extends VBox {
    private final RuntimeViewModel vm;
    private static final int SHOWN = 2;
    private final MenuButton menu = new MenuButton("Inject fault", new FontIcon("fth-alert-triangle"));

    FaultPanel(RuntimeViewModel vm) {
        super(4);
        this.vm = vm;
        setId("fault-log");
        menu.setId("inject-fault");
        menu.setTooltip(new Tooltip("Break something on purpose and watch what detects it and how the stack comes back"));
        for (FaultKind k : FaultKind.values()) {
            if (!k.ready) continue;
            MenuItem item = new MenuItem(k.id() + ": " + k.description);
            item.setId("fault-" + k.id());
            item.setOnAction(e -> vm.inject(k, Platform::runLater));
            menu.getItems().add(item);
        }
        menu.setOnShowing(e -> { // what this stack can have, and why not
            for (MenuItem item : menu.getItems()) {
                FaultKind k = FaultKind.parse(item.getId().substring("fault-".length()));
                String no = vm.faultRefusal(k);
                item.setDisable(no != null);
                item.setText(k.id() + ": " + (no == null ? k.description : no));
            }
        });
        Label refused = new Label();
        refused.setId("fault-refused");
        refused.getStyleClass().add("warning");
        refused.textProperty().bind(vm.faultMessageProperty());
        refused.visibleProperty().bind(vm.faultMessageProperty().isNotEmpty());
        refused.managedProperty().bind(refused.visibleProperty());
        vm.faults().addListener((ListChangeListener<Fault>) c -> showLog());
        getChildren().add(refused);
    }

    /** The menu, for the toolbar. */
    MenuButton menu() {
        return menu;
    }

    /** The two latest faults (the screen keeps its charts); the tooltip of each line, and the report, have them all. */
    private void showLog() {
        getChildren().retainAll(getChildren().get(0));
        for (int i = Math.max(0, vm.faults().size() - SHOWN); i < vm.faults().size(); i++) {
            Fault f = vm.faults().get(i);
            Label l = new Label(line(f));
            l.setId("fault-" + i);
            l.setMaxWidth(Double.MAX_VALUE); // one line each, cut with an ellipsis: the tooltip has the whole story
            l.getStyleClass().add("fault-line");
            l.setTooltip(new Tooltip(all()));
            l.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("open"), f.detectedAt() == null);
            getChildren().add(l);
        }
    }

    private String all() {
        StringBuilder b = new StringBuilder();
        for (Fault f : vm.faults()) b.append(b.length() == 0 ? "" : "\n\n").append(line(f));
        return b.toString();
    }

    static String line(Fault f) {
        String detection = f.detectedAt() == null ? "not detected yet"
                : String.format(Locale.ROOT, "detected %.0f s later by %s", f.detectedAt() - f.injectedAt(), f.detectedBy());
        return String.format(Locale.ROOT, "%s at %.0f s: %s. Outcome: %s", f.kind().id(), f.injectedAt(), detection, f.outcome());
    }
}
