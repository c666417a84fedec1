package dev.rollupstudio.spec;

import dev.rollupstudio.spec.Problem.Severity;
import java.util.ArrayList;
import java.util.List;

/** Validation findings as they are collected, with the JSON path built from the layer and field. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void error(Layer l, String field, String message, String rule) {
        list.add(new Problem(Severity.ERROR, path(l, field), l, message, rule));
    }

    public void warning(Layer l, String field, String message, String rule) {
        list.add(new Problem(Severity.WARNING, path(l, field), l, message, rule));
    }

    /** A finding about the whole file (no layer). */
    public void add(Problem p) {
        list.add(p);
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }

    private static String path(Layer l, String field) {
        return "$.layers." + l.key + "." + field;
    }
}
