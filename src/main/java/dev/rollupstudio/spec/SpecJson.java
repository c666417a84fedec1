package dev.rollupstudio.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@code *.rollup.json}. Structure errors (not JSON, unknown component or
 * parameter, wrong type) stop the read with the JSON path at fault; values out of range are
 * kept for the validator to report, so an editor can still open the file.
 */
public final class SpecJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private SpecJson() {}

    public static StackSpec load(Path file) {
        if (!Files.isRegularFile(file)) throw new SpecFileException(file.toString(), "no such file");
        try {
            return read(Files.readString(file));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SpecFileException(file.toString(), "is not a text file (a stack file is UTF-8 JSON)");
        } catch (IOException e) {
            throw new SpecFileException(file.toString(), "cannot be read: " + e.getMessage());
        }
    }

    public static void save(StackSpec spec, Path file) throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, write(spec));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static StackSpec read(String json) {
        return read(json, Catalog.standard());
    }

    /** Reads a stack whose components come from {@code catalog}. */
    public static StackSpec read(String json, Catalog catalog) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SpecFileException("$", dev.rollupstudio.json.JsonErrors.describe(e));
        }
        if (root == null || !root.isObject()) throw new SpecFileException("$", "a stack file is a JSON object with \"format\", \"version\" and \"layers\"");
        if (!StackSpec.FORMAT.equals(root.path("format").asText())) {
            throw new SpecFileException("$.format", "must be \"" + StackSpec.FORMAT + "\"; this is not a Rollup Studio stack file");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || version.asInt() < 1) {
            throw new SpecFileException("$.version", "must be a whole number from 1 (this studio reads version " + StackSpec.VERSION + ")");
        }
        if (version.asInt() > StackSpec.VERSION) {
            throw new SpecFileException("$.version", "is " + version.asInt() + ", newer than this studio (" + StackSpec.VERSION + "); update Rollup Studio to open it");
        }
        JsonNode chainId = root.get("chainId");
        if (chainId == null || !chainId.canConvertToLong() || !chainId.isIntegralNumber() || chainId.asLong() <= 0) {
            throw new SpecFileException("$.chainId", "must be a positive whole number");
        }
        JsonNode layersNode = root.get("layers");
        if (layersNode == null || !layersNode.isObject()) throw new SpecFileException("$.layers", "is missing; it maps each layer to {\"component\": ...}");
        Map<Layer, Choice> layers = new EnumMap<>(Layer.class);
        List<SpecFileException> found = new ArrayList<>(); // every layer and parameter is read, so a file's errors come all at once
        for (Iterator<Map.Entry<String, JsonNode>> it = layersNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "$.layers." + e.getKey();
            Layer layer = Layer.ofKey(e.getKey());
            if (layer == null) {
                found.add(new SpecFileException(path, "unknown layer; the layers are " + keys()));
                continue;
            }
            try {
                layers.put(layer, choice(catalog, layer, e.getValue(), path, found));
            } catch (SpecFileException bad) {
                found.add(bad);
            }
        }
        if (!found.isEmpty()) throw SpecFileException.all(found);
        return new StackSpec(root.path("name").asText(""), root.path("description").asText(""), chainId.asLong(), layers, catalog);
    }

    private static Choice choice(Catalog catalog, Layer layer, JsonNode node, String path, List<SpecFileException> found) {
        if (!node.isObject() || !node.path("component").isTextual()) throw new SpecFileException(path + ".component", "must name a component");
        String id = node.get("component").asText();
        Component c = catalog.component(layer, id);
        if (c == null) {
            throw new SpecFileException(path + ".component", "unknown component '" + id + "'; for " + layer.title + " choose one of "
                    + String.join(", ", catalog.forLayer(layer).stream().map(Component::id).toList()));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        JsonNode p = node.get("params");
        if (p != null && !p.isObject()) throw new SpecFileException(path + ".params", "must be an object of parameter values");
        if (p != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String ppath = path + ".params." + e.getKey();
                Param<?> param = c.param(e.getKey());
                if (param == null) {
                    found.add(new SpecFileException(ppath, c.name() + " has no parameter '" + e.getKey() + "'"
                            + (c.params().isEmpty() ? "" : "; it has " + String.join(", ", c.params().stream().map(Param::key).toList()))));
                    continue;
                }
                try {
                    params.put(e.getKey(), value(param, e.getValue(), ppath));
                } catch (SpecFileException bad) {
                    found.add(bad);
                }
            }
        }
        return new Choice(id, params);
    }

    private static Object value(Param<?> p, JsonNode v, String path) {
        switch (p.type()) {
            case INTEGER -> {
                if (!v.isNumber() || !v.canConvertToLong() || v.asDouble() != Math.rint(v.asDouble())) {
                    throw new SpecFileException(path, "must be a whole number" + unit(p) + ", got " + v);
                }
                return v.asLong();
            }
            case DECIMAL -> {
                if (!v.isNumber()) throw new SpecFileException(path, "must be a number" + unit(p) + ", got " + v);
                return v.asDouble();
            }
            case BOOLEAN -> {
                if (!v.isBoolean()) throw new SpecFileException(path, "must be true or false, got " + v);
                return v.asBoolean();
            }
            default -> {
                if (!v.isTextual()) throw new SpecFileException(path, "must be a string, got " + v);
                return v.asText();
            }
        }
    }

    private static String unit(Param<?> p) {
        return p.unit().isEmpty() ? "" : " (" + p.unit() + ")";
    }

    private static String keys() {
        return String.join(", ", java.util.Arrays.stream(Layer.values()).map(l -> l.key).toList());
    }

    /** Canonical JSON: fixed key order, layers in stack order, parameters in catalog order. */
    public static String write(StackSpec spec) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", StackSpec.FORMAT);
        root.put("version", StackSpec.VERSION);
        root.put("name", spec.name());
        root.put("description", spec.description());
        root.put("chainId", spec.chainId());
        ObjectNode layers = root.putObject("layers");
        for (Layer l : Layer.values()) {
            Choice c = spec.choice(l);
            if (c == null) continue;
            ObjectNode n = layers.putObject(l.key);
            n.put("component", c.component());
            Component comp = spec.component(l);
            if (c.params().isEmpty()) continue;
            ObjectNode params = n.putObject("params");
            List<Param<?>> order = comp != null ? comp.params() : List.of();
            for (Param<?> p : order) {
                Object v = c.params().get(p.key());
                if (v == null) continue;
                if (v instanceof Boolean b) params.put(p.key(), b);
                else if (p.type() == Param.Type.INTEGER) params.put(p.key(), ((Number) v).longValue());
                else if (v instanceof Number num) params.put(p.key(), num.doubleValue());
                else params.put(p.key(), v.toString());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
