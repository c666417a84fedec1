package dev.rollupstudio.state;

import dev.rollupstudio.types.Wei;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollupstudio.json.JsonErrors;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** A geth-format genesis: chain id, header fields and the initial allocation (balance, nonce, code, storage). */
public record Genesis(long chainId, Map<Address, Alloc> alloc, long gasLimit, BigInteger baseFeePerGas, long timestamp,
                      byte[] extraData) {

    public static final BigInteger DEFAULT_BASE_FEE = BigInteger.valueOf(1_000_000_000L);
    /** Duplicate keys (the same address twice) are an error, not "the last one wins". */
    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One pre-funded account. */
    public record Alloc(Wei balance, long nonce, byte[] code, Map<Hash, BigInteger> storage) {
        public static Alloc funded(Wei balance) {
            return new Alloc(balance, 0, new byte[0], Map.of());
        }
    }

    public static Genesis load(Path file) {
        if (!Files.isRegularFile(file)) throw new GenesisException("no genesis file at " + file.toAbsolutePath() + "; give the path of a geth-format genesis JSON");
        try {
            return parse(Files.readString(file), file.toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new GenesisException(file + " is not a text file (a genesis file is UTF-8 JSON)");
        } catch (IOException e) {
            throw new GenesisException("cannot read genesis file " + file + ": " + e.getMessage());
        }
    }

    public static Genesis parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new GenesisException(source + ": " + JsonErrors.describe(e));
        }
        if (root == null || !root.isObject()) throw new GenesisException(source + ": a genesis file is a JSON object with 'config' and 'alloc'");
        JsonNode allocNode = root.get("alloc");
        if (allocNode == null || !allocNode.isObject()) throw new GenesisException(source + ": $.alloc is missing; it maps addresses to {\"balance\": ...}");
        long chainId = root.path("config").has("chainId") ? positiveLong(root.path("config").get("chainId"), "$.config.chainId") : 1;
        Map<Address, Alloc> alloc = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = allocNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "$.alloc." + e.getKey();
            Address address;
            try {
                address = Address.fromHex(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new GenesisException(path + ": " + ex.getMessage());
            }
            JsonNode a = e.getValue();
            if (!a.isObject()) throw new GenesisException(path + ": an account is an object such as {\"balance\": \"0x1\"}, got " + brief(a));
            BigInteger balance = a.has("balance") ? number(a.get("balance"), path + ".balance") : BigInteger.ZERO;
            if (balance.bitLength() > 256) throw new GenesisException(path + ".balance: must fit in 256 bits, got " + brief(a.get("balance")));
            long nonce = a.has("nonce") ? longValue(a.get("nonce"), path + ".nonce") : 0;
            byte[] code = a.has("code") ? hex(text(a.get("code"), path + ".code"), path + ".code") : new byte[0];
            Map<Hash, BigInteger> storage = new LinkedHashMap<>();
            if (a.has("storage")) {
                JsonNode st = a.get("storage");
                if (!st.isObject()) throw new GenesisException(path + ".storage: storage is an object of slot -> value, got " + brief(st));
                for (Iterator<Map.Entry<String, JsonNode>> sl = st.fields(); sl.hasNext(); ) {
                    Map.Entry<String, JsonNode> slot = sl.next();
                    String sp = path + ".storage." + slot.getKey();
                    byte[] key = hex(slot.getKey(), sp);
                    byte[] value = hex(text(slot.getValue(), sp), sp);
                    if (key.length > 32 || value.length > 32) throw new GenesisException(sp + ": slots and values are at most 32 bytes");
                    storage.put(Hash.of(Bytes.leftPad(key, 32)), new BigInteger(1, value));
                }
            }
            alloc.put(address, new Alloc(Wei.of(balance), nonce, code, storage));
        }
        long gasLimit = root.has("gasLimit") ? positiveLong(root.get("gasLimit"), "$.gasLimit") : 30_000_000;
        BigInteger baseFee = root.has("baseFeePerGas") ? number(root.get("baseFeePerGas"), "$.baseFeePerGas") : DEFAULT_BASE_FEE;
        if (baseFee.bitLength() > 256) throw new GenesisException("$.baseFeePerGas: must fit in 256 bits");
        long timestamp = root.has("timestamp") ? longValue(root.get("timestamp"), "$.timestamp") : 0;
        byte[] extra = root.has("extraData") ? hex(text(root.get("extraData"), "$.extraData"), "$.extraData") : new byte[0];
        if (extra.length > 32) throw new GenesisException("$.extraData: at most 32 bytes, got " + extra.length);
        return new Genesis(chainId, alloc, gasLimit, baseFee, timestamp, extra);
    }

    /** The initial world state this genesis describes. */
    public TrieWorldState toState() {
        TrieWorldState state = new TrieWorldState();
        alloc.forEach((address, a) -> {
            if (a.code().length > 0) state.setCode(address, a.code());
            a.storage().forEach((slot, value) -> state.setStorage(address, slot, value));
            if (a.nonce() != 0) state.setNonce(address, a.nonce());
            state.setBalance(address, a.balance());
        });
        state.root();
        state.drainChanged();
        return state;
    }

    public Wei totalSupply() {
        return alloc.values().stream().map(Alloc::balance).reduce(Wei.ZERO, Wei::add);
    }

    /** geth's HexOrDecimal: "0x..." hex, a decimal string, or a JSON number; never negative. */
    private static BigInteger number(JsonNode n, String path) {
        try {
            BigInteger v;
            if (n.isIntegralNumber()) v = n.bigIntegerValue();
            else if (n.isTextual()) {
                String s = n.asText().trim();
                v = s.startsWith("0x") || s.startsWith("0X") ? new BigInteger(s.length() == 2 ? "0" : s.substring(2), 16) : new BigInteger(s);
            } else throw new NumberFormatException("not a number");
            if (v.signum() < 0) throw new NumberFormatException("negative");
            return v;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new GenesisException(path + ": expected a non-negative whole number (\"0x1f\" or \"31\"), got " + brief(n));
        }
    }

    /** A number that fits the header's 64-bit field as Java holds it (below 2^63). */
    private static long longValue(JsonNode n, String path) {
        BigInteger v = number(n, path);
        if (v.bitLength() > 63) throw new GenesisException(path + ": must be below 2^63, got " + brief(n));
        return v.longValue();
    }

    private static long positiveLong(JsonNode n, String path) {
        long v = longValue(n, path);
        if (v == 0) throw new GenesisException(path + ": must be at least 1, got " + brief(n));
        return v;
    }

    private static String text(JsonNode n, String path) {
        if (!n.isTextual()) throw new GenesisException(path + ": expected a hex string such as \"0x6000\", got " + brief(n));
        return n.asText();
    }

    /** A value as the user wrote it, cut short. */
    private static String brief(JsonNode n) {
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static byte[] hex(String s, String path) {
        try {
            return Bytes.fromHex(s);
        } catch (IllegalArgumentException e) {
            throw new GenesisException(path + ": expected hex bytes, got '" + s + "'");
        }
    }
}
