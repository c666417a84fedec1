package dev.rollupstudio.ui.common;

import dev.rollupstudio.spec.Component;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.StackSpec;

/** A component's settings in one line, as many as fit: "Block time 2,000 ms · Gas limit 30M gas". */
public final class ParamSummary {
    private ParamSummary() {}

    /** The first parameters that fit in {@code chars}; empty when the component has none. */
    public static String of(StackSpec spec, Layer layer, Component c, int chars) {
        StringBuilder b = new StringBuilder();
        for (Param<?> p : c.params()) {
            String part = p.label() + " " + Format.paramValue(spec.get(layer, p), p.unit());
            if (b.length() > 0 && b.length() + 3 + part.length() > chars) break;
            if (b.length() > 0) b.append(" · ");
            b.append(part);
        }
        return b.toString();
    }
}
