package dev.rollupstudio.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.SpecFileException;
import dev.rollupstudio.spec.SpecJson;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.workload.Mix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario of ephemeral rollups, from a file a user can edit: a persistent parent rollup, the
 * stack each ephemeral rollup is spawned from, and the rollups to spawn, each at a sim time with
 * its load; optionally an overflow rule that spawns one more when the parent is overloaded, and
 * moves the parent's load there. The built-in ones live in {@code /dev/rollupstudio/scenarios}.
 */
public record EphemeralScenario(String id, String name, String description, StackSpec parent, StackSpec template, int accounts,
                                List<Planned> rollups, Traffic parentLoad, Overflow overflow) {

    public static final String FORMAT = "rollup-studio/ephemeral-scenario";
    public static final List<String> BUILT_IN = List.of("nft-mint", "tournament", "token-launch");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** One rollup to spawn {@code atSeconds} into the scenario, living {@code lifetimeSeconds} (0: the template's), with its load. */
    public record Planned(String name, long atSeconds, long lifetimeSeconds, Traffic load) {}

    /**
     * Load on one chain, from its first second: {@code tps} shaped by {@code shape} ("steady";
     * "bursts": {@code factor} times for {@code burstSeconds} of every {@code everySeconds};
     * "decay": halving every {@code halfLifeSeconds}), for {@code forSeconds}, at most {@code maxTxs}.
     */
    public record Traffic(String mixName, double tps, String shape, long forSeconds, long maxTxs, double factor, long burstSeconds,
                          long everySeconds, long halfLifeSeconds, int senders) {
        /** Transactions per second {@code millis} after the load began. */
        public double rate(long millis) {
            if (millis < 0 || millis >= forSeconds * 1000) return 0;
            return switch (shape) {
                case "bursts" -> millis / 1000 % everySeconds < burstSeconds ? tps * factor : tps;
                case "decay" -> tps * Math.pow(0.5, millis / 1000.0 / halfLifeSeconds);
                default -> tps;
            };
        }

        public Mix mix() {
            return switch (mixName) {
                case "nft-mint" -> new Mix(0, 0, 1);
                case "token-transfers" -> new Mix(0, 1, 0);
                case "mixed" -> new Mix(0, 0.35, 0.15);
                default -> Mix.transfers(0);
            };
        }
    }

    /** Spawn one more from the template when the parent holds more than {@code poolAbove} pooled or serves more than {@code tpsAbove}, for {@code forSeconds}. */
    public record Overflow(int poolAbove, double tpsAbove, long forSeconds, long lifetimeSeconds) {}

    /** How long the scenario runs at most, in sim seconds: the last spawn, its provisioning, life, and a day to settle. */
    public long horizonSeconds() {
        long last = 0;
        for (Planned p : rollups) last = Math.max(last, p.atSeconds() + lifetime(p));
        if (parentLoad != null) last = Math.max(last, parentLoad.forSeconds());
        return last + 86_400;
    }

    long lifetime(Planned p) {
        return p.lifetimeSeconds() > 0 ? p.lifetimeSeconds() : template.get(Layer.LIFECYCLE, dev.rollupstudio.spec.component.Ephemeral.LIFETIME);
    }

    /**
     * One rollup of a composed stack, as the studio runs it from the composer: spawned at once
     * under the parent preset, loaded with ether transfers at {@code tps} for most of its life.
     */
    public static EphemeralScenario of(StackSpec template, double tps) {
        if (!template.is(Layer.LIFECYCLE, dev.rollupstudio.spec.component.Ephemeral.ID)) {
            throw new IllegalArgumentException(template.name() + " is not ephemeral: choose the Ephemeral lifecycle for it");
        }
        long life = template.get(Layer.LIFECYCLE, dev.rollupstudio.spec.component.Ephemeral.LIFETIME);
        Traffic load = new Traffic("transfers", tps, "steady", Math.max(1, life * 8 / 10), Long.MAX_VALUE, 1, 0, 60, 60, 20);
        return new EphemeralScenario("composed", template.name(), "Your composed stack as an ephemeral rollup: " + tps + " ether transfers a second for most of its "
                + life + " s life, then it drains, settles back to L1 and dissolves.", Presets.get("op-stack-blobs"), template, 20,
                List.of(new Planned(template.name(), 0, 0, load)), null, null);
    }

    /** A built-in scenario by id, or a scenario file. */
    public static EphemeralScenario load(String nameOrFile) {
        if (BUILT_IN.contains(nameOrFile)) {
            try (InputStream in = EphemeralScenario.class.getResourceAsStream("/dev/rollupstudio/scenarios/" + nameOrFile + ".json")) {
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), nameOrFile, null);
            } catch (IOException e) {
                throw new IllegalStateException("built-in scenario " + nameOrFile + " cannot be read", e);
            }
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no scenario '" + nameOrFile + "': give one of " + String.join(", ", BUILT_IN) + ", or a scenario file");
        }
        try {
            return parse(Files.readString(file), file.toString(), file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage());
        }
    }

    /** Reads a scenario; {@code source} names it in errors, {@code dir} is where stack files it names are found (null: presets only). */
    public static EphemeralScenario parse(String json, String source, Path dir) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw bad(source, "$", dev.rollupstudio.json.JsonErrors.describe(e));
        }
        Reader r = new Reader(source);
        if (root == null || !root.isObject()) throw bad(source, "$", "a scenario file is a JSON object with \"format\": \"" + FORMAT + "\"");
        if (!FORMAT.equals(root.path("format").asText())) throw bad(source, "$.format", "must be \"" + FORMAT + "\"");
        r.only(root, "$", Set.of("format", "version", "name", "description", "parent", "template", "params", "accounts", "rollups", "parentLoad", "overflow"));
        if (root.path("version").asInt() != 1) throw bad(source, "$.version", "must be 1");
        StackSpec parent = stack(r, root, "parent", dir);
        StackSpec template = stack(r, root, "template", dir);
        if (!template.is(Layer.LIFECYCLE, dev.rollupstudio.spec.component.Ephemeral.ID)) {
            throw bad(source, "$.template", "must have the Ephemeral lifecycle (it is " + template.component(Layer.LIFECYCLE).name() + ")");
        }
        JsonNode params = root.get("params");
        if (params != null) {
            if (!params.isObject()) throw bad(source, "$.params", "maps \"layer.parameter\" to a value, e.g. {\"lifecycle.lifetimeSeconds\": 300}");
            for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String[] parts = e.getKey().split("\\.", 2);
                Layer layer = parts.length == 2 ? Layer.ofKey(parts[0]) : null;
                if (layer == null) throw bad(source, "$.params." + e.getKey(), "must be layer.parameter, the layer one of " + layerKeys());
                var component = template.component(layer);
                if (component.param(parts[1]) == null) {
                    throw bad(source, "$.params." + e.getKey(), component.name() + " has no parameter " + parts[1] + "; it has "
                            + String.join(", ", component.params().stream().map(dev.rollupstudio.spec.Param::key).toList()));
                }
                try {
                    template = template.withParam(layer, parts[1], e.getValue().isNumber() ? (Object) e.getValue().numberValue() : e.getValue().asText());
                } catch (RuntimeException ex) {
                    throw bad(source, "$.params." + e.getKey(), ex.getMessage());
                }
            }
        }
        int accounts = (int) r.integer(root, "$", "accounts", 20, 1, 1_000);
        List<Planned> planned = new ArrayList<>();
        JsonNode list = root.get("rollups");
        if (list == null || !list.isArray() || list.isEmpty()) throw bad(source, "$.rollups", "lists the rollups to spawn: [{\"name\": ..., \"atSeconds\": ..., \"load\": {...}}]");
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            String at = "$.rollups[" + i + "]";
            if (!p.isObject()) throw bad(source, at, "must be an object");
            r.only(p, at, Set.of("name", "atSeconds", "lifetimeSeconds", "load"));
            String name = p.path("name").asText("");
            if (name.isBlank()) throw bad(source, at + ".name", "is missing");
            planned.add(new Planned(name, r.integer(p, at, "atSeconds", 0, 0, 2_592_000), r.integer(p, at, "lifetimeSeconds", 0, 0, 2_592_000),
                    traffic(r, p.get("load"), at + ".load", accounts)));
        }
        JsonNode parentLoad = root.get("parentLoad");
        Overflow overflow = null;
        JsonNode o = root.get("overflow");
        if (o != null) {
            if (!o.isObject()) throw bad(source, "$.overflow", "must be an object");
            r.only(o, "$.overflow", Set.of("poolAbove", "tpsAbove", "forSeconds", "lifetimeSeconds"));
            overflow = new Overflow((int) r.integer(o, "$.overflow", "poolAbove", Integer.MAX_VALUE, 0, Integer.MAX_VALUE),
                    r.decimal(o, "$.overflow", "tpsAbove", Double.MAX_VALUE), r.integer(o, "$.overflow", "forSeconds", 10, 0, 86_400),
                    r.integer(o, "$.overflow", "lifetimeSeconds", 0, 0, 2_592_000));
        }
        String id = source.replaceFirst(".*/", "").replaceFirst("\\.json$", "");
        return new EphemeralScenario(id, root.path("name").asText(id), root.path("description").asText(""), parent, template, accounts,
                List.copyOf(planned), parentLoad == null ? null : traffic(r, parentLoad, "$.parentLoad", accounts), overflow);
    }

    private static Traffic traffic(Reader r, JsonNode n, String at, int accounts) {
        if (n == null || !n.isObject()) throw bad(r.source, at, "must be an object: {\"mix\": \"transfers\", \"tps\": 20, \"forSeconds\": 60}");
        r.only(n, at, Set.of("mix", "tps", "shape", "forSeconds", "maxTxs", "factor", "burstSeconds", "everySeconds", "halfLifeSeconds", "senders"));
        String mix = n.path("mix").asText("transfers");
        if (!List.of("transfers", "token-transfers", "nft-mint", "mixed").contains(mix)) {
            throw bad(r.source, at + ".mix", "is '" + mix + "'; choose transfers, token-transfers, nft-mint or mixed");
        }
        String shape = n.path("shape").asText("steady");
        if (!List.of("steady", "bursts", "decay").contains(shape)) throw bad(r.source, at + ".shape", "is '" + shape + "'; choose steady, bursts or decay");
        double tps = r.decimal(n, at, "tps", -1);
        if (tps < 0 || tps > 10_000) throw bad(r.source, at + ".tps", "must be a number from 0 to 10000");
        int senders = (int) r.integer(n, at, "senders", accounts, 1, accounts);
        return new Traffic(mix, tps, shape, r.integer(n, at, "forSeconds", 60, 1, 2_592_000), r.integer(n, at, "maxTxs", Long.MAX_VALUE, 0, Long.MAX_VALUE),
                r.decimal(n, at, "factor", 1), r.integer(n, at, "burstSeconds", 0, 0, 86_400), r.integer(n, at, "everySeconds", 60, 1, 86_400),
                r.integer(n, at, "halfLifeSeconds", 60, 1, 86_400), senders);
    }

    private static StackSpec stack(Reader r, JsonNode root, String field, Path dir) {
        String v = root.path(field).asText("");
        if (v.isBlank()) throw bad(r.source, "$." + field, "names a preset (" + String.join(", ", Presets.ids()) + ") or a stack file");
        if (Presets.ids().contains(v)) return Presets.get(v);
        Path file = dir == null ? Path.of(v) : dir.resolve(v);
        if (!Files.isRegularFile(file)) throw bad(r.source, "$." + field, "'" + v + "' is neither a preset (" + String.join(", ", Presets.ids()) + ") nor a stack file");
        try {
            return SpecJson.load(file);
        } catch (SpecFileException e) {
            throw bad(r.source, "$." + field, file + ": " + e.getMessage());
        }
    }

    private static String layerKeys() {
        return String.join(", ", java.util.Arrays.stream(Layer.values()).map(l -> l.key).toList());
    }

    private static IllegalArgumentException bad(String source, String path, String what) {
        return new IllegalArgumentException("scenario " + source + ": " + path + ": " + what);
    }

    /** Typed fields with their ranges; unknown fields are an error, not silently ignored. */
    private record Reader(String source) {
        void only(JsonNode n, String at, Set<String> known) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!known.contains(f)) throw bad(source, at + "." + f, "is not a field here; the fields are " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }

        long integer(JsonNode n, String at, String field, long def, long min, long max) {
            JsonNode v = n.get(field);
            if (v == null) return def;
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
                throw bad(source, at + "." + field, "must be a whole number from " + min + " to " + max);
            }
            return v.asLong();
        }

        double decimal(JsonNode n, String at, String field, double def) {
            JsonNode v = n.get(field);
            if (v == null) return def;
            if (!v.isNumber() || v.asDouble() < 0) throw bad(source, at + "." + field, "must be a number from 0");
            return v.asDouble();
        }
    }
}
