package dev.rollupstudio.ui.composer;

import dev.rollupstudio.spec.Param;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.controlsfx.property.editor.PropertyEditor;

/** Editors for catalog parameters: numbers check their range as you type and say what is wrong. */
final class ParamEditors implements Callback<PropertySheet.Item, PropertyEditor<?>> {

    @Override public PropertyEditor<?> call(PropertySheet.Item item) {
        ParamItem p = (ParamItem) item;
        return switch (p.param.type()) {
            case BOOLEAN -> new AbstractPropertyEditor<Boolean, CheckBox>(item, new CheckBox()) {
                @Override protected javafx.beans.value.ObservableValue<Boolean> getObservableValue() {
                    return getEditor().selectedProperty();
                }

                @Override public void setValue(Boolean v) {
                    getEditor().setSelected(Boolean.TRUE.equals(v));
                }
            };
            case CHOICE -> new AbstractPropertyEditor<String, ComboBox<String>>(item, new ComboBox<>(FXCollections.observableArrayList(p.param.choices()))) {
                @Override protected javafx.beans.value.ObservableValue<String> getObservableValue() {
                    return getEditor().valueProperty();
                }

                @Override public void setValue(String v) {
                    getEditor().setValue(v);
                }
            };
            case TEXT -> new AbstractPropertyEditor<String, TextField>(item, new TextField()) {
                @Override protected javafx.beans.value.ObservableValue<String> getObservableValue() {
                    return getEditor().textProperty();
                }

                @Override public void setValue(String v) {
                    getEditor().setText(v);
                }
            };
            default -> numberEditor(p);
        };
    }

    /** A text field that commits a number on Enter or focus loss, and flags values out of range. */
    private static PropertyEditor<?> numberEditor(ParamItem item) {
        TextField field = new TextField();
        field.setId("param-" + item.param.key());
        Runnable check = () -> {
            String problem = problem(item.param, field.getText());
            field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), problem != null);
            field.setTooltip(problem == null ? null : new Tooltip(problem));
            // not a number at all: the checks list it (a number out of range is committed and the validator says why)
            item.typed(field.getText(), parse(item.param, field.getText()) == null ? problem : null);
        };
        field.textProperty().addListener((o, a, b) -> check.run());
        Runnable commit = () -> {
            Object v = parse(item.param, field.getText());
            if (v != null) item.setValue(v);
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) commit.run();
        });
        return new PropertyEditor<Object>() {
            @Override public javafx.scene.Node getEditor() {
                return field;
            }

            @Override public Object getValue() {
                return parse(item.param, field.getText());
            }

            @Override public void setValue(Object value) {
                field.setText(value == null ? "" : Param.Type.INTEGER == item.param.type() ? Long.toString(((Number) value).longValue()) : value.toString());
                check.run();
            }
        };
    }

    static Object parse(Param<?> p, String text) {
        try {
            String t = text.trim().replace(",", "").replace("_", "");
            return p.type() == Param.Type.INTEGER ? (Object) Long.parseLong(t) : (Object) Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String problem(Param<?> p, String text) {
        Object v = parse(p, text);
        if (v == null) return p.label() + " must be " + (p.type() == Param.Type.INTEGER ? "a whole number" : "a number");
        return p.problem(v);
    }
}
