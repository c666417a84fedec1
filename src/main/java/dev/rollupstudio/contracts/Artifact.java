package dev.rollupstudio.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A compiled contract as {@code contracts/build.js} wrote it to {@code /contracts/<Name>.json}:
 * creation and runtime bytecode, and from the ABI the signatures of its errors (by selector)
 * and events (by topic), so the explorer can name what it reads.
 */
public record Artifact(String name, byte[] bytecode, byte[] deployedBytecode, Map<String, Signature> errors, Map<Hash, String> events) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An error or event as people read it ({@code Name(type name, ...)}) and its parameter types. */
    public record Signature(String display, List<String> types) {}

    public static Artifact load(String name) {
        try (InputStream in = Artifact.class.getResourceAsStream("/contracts/" + name + ".json")) {
            if (in == null) throw new IllegalStateException("no artifact /contracts/" + name + ".json; run `npm run build`");
            JsonNode root = JSON.readTree(in);
            Map<String, Signature> errors = new HashMap<>();
            Map<Hash, String> events = new HashMap<>();
            for (JsonNode item : root.get("abi")) {
                String type = item.path("type").asText();
                if (type.equals("error")) errors.put(Bytes.toHex(Abi.selector(canonical(item))), new Signature(display(item), types(item)));
                if (type.equals("event")) events.put(Keccak.hash(canonical(item).getBytes(StandardCharsets.US_ASCII)), display(item));
            }
            return new Artifact(root.get("contractName").asText(), Bytes.fromHex(root.get("bytecode").asText()),
                    Bytes.fromHex(root.get("deployedBytecode").asText()), Map.copyOf(errors), Map.copyOf(events));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the artifact of " + name, e);
        }
    }

    /** {@code Name(type1,type2)}: what the selector or topic hashes. */
    static String canonical(JsonNode item) {
        StringJoiner j = new StringJoiner(",", item.get("name").asText() + "(", ")");
        for (JsonNode in : item.get("inputs")) j.add(in.get("type").asText());
        return j.toString();
    }

    static List<String> types(JsonNode item) {
        List<String> out = new ArrayList<>();
        for (JsonNode in : item.get("inputs")) out.add(in.get("type").asText());
        return List.copyOf(out);
    }

    /** {@code Name(type1 name1, type2 name2)}: the signature with its parameter names, for people. */
    static String display(JsonNode item) {
        StringJoiner j = new StringJoiner(", ", item.get("name").asText() + "(", ")");
        for (JsonNode in : item.get("inputs")) j.add((in.get("type").asText() + " " + in.path("name").asText()).trim());
        return j.toString();
    }
}
