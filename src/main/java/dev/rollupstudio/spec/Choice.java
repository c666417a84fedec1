package dev.rollupstudio.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/** The component chosen for a layer and the parameters the user set (the rest take the catalog's defaults). */
public record Choice(String component, Map<String, Object> params) {

    public Choice {
        params = Map.copyOf(params);
    }

    public static Choice of(String component) {
        return new Choice(component, Map.of());
    }

    /** With a parameter set, typed: the compiler checks the value's type. */
    public <T> Choice with(Param<T> p, T value) {
        return with(p.key(), value);
    }

    public Choice with(String key, Object value) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put(key, value);
        return new Choice(component, p);
    }
}
