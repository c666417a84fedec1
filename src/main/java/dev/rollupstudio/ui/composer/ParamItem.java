package dev.rollupstudio.ui.composer;

import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/** One catalog parameter of the selected component, as a property-sheet row bound to the view model. */
final class ParamItem implements PropertySheet.Item {
    final Layer layer;
    final Param<?> param;
    private final ComposerViewModel vm;

    ParamItem(ComposerViewModel vm, Layer layer, Param<?> param) {
        this.vm = vm;
        this.layer = layer;
        this.param = param;
    }

    @Override public Class<?> getType() {
        return switch (param.type()) {
            case INTEGER -> Long.class;
            case DECIMAL -> Double.class;
            case BOOLEAN -> Boolean.class;
            default -> String.class;
        };
    }

    @Override public String getCategory() {
        return layer.title;
    }

    @Override public String getName() {
        return param.label() + (param.unit().isEmpty() ? "" : " (" + param.unit() + ")");
    }

    @Override public String getDescription() {
        String range = param.min() == null ? "" : "\nallowed: " + fmt(param.min()) + " to " + fmt(param.max()) + (param.unit().isEmpty() ? "" : " " + param.unit());
        String def = "\ndefault: " + param.defaultValue() + (param.source() == null ? "" : " (reference.md: " + param.source() + ")");
        return param.description() + range + def + "\n" + param.effect().describe();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%,d", (long) v) : Double.toString(v);
    }

    @Override public Object getValue() {
        return vm.spec().get(layer, param);
    }

    @Override public void setValue(Object value) {
        vm.setParam(layer, param.key(), value);
    }

    /** Tells the checks what is wrong with the text in this row's field, or that it reads as a value (null). */
    void typed(String text, String problem) {
        vm.setTyped(layer, param.key(), text, problem);
    }

    @Override public Optional<ObservableValue<?>> getObservableValue() {
        return Optional.empty();
    }
}
