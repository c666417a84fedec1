package dev.rollupstudio.spec;

import java.util.List;

/** A building block the composer offers for one layer, described once for the palette, the property sheet and the classroom. */
public record Component(String id, Layer layer, String name, String iconKey, String explanation, List<Param> params) {

    public Param param(String key) {
        for (Param p : params) if (p.key().equals(key)) return p;
        return null;
    }
}
