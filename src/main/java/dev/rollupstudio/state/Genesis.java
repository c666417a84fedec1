package dev.rollupstudio.state;

import dev.rollupstudio.types.Wei;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        } catch (IOException e) {
            throw new GenesisException("cannot read genesis file " + file + ": " + e.getMessage());
        }
    }

    public static Genesis parse(String json, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new GenesisException(source + " is not valid JSON (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new GenesisException(source + ": a genesis file is a JSON object with 'config' and 'alloc'");
        JsonNode allocNode = root.get("alloc");
        if (allocNode == null || !allocNode.isObject()) throw new GenesisException(source + ": $.alloc is missing; it maps addresses to {\"balance\": ...}");
        long chainId = root.path("config").has("chainId") ? number(root.path("config").get("chainId"), "$.config.chainId").longValueExact() : 1;
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
            BigInteger balance = a.has("balance") ? number(a.get("balance"), path + ".balance") : BigInteger.ZERO;
            long nonce = a.has("nonce") ? number(a.get("nonce"), path + ".nonce").longValueExact() : 0;
            byte[] code = a.has("code") ? hex(a.get("code"), path + ".code") : new byte[0];
            Map<Hash, BigInteger> storage = new LinkedHashMap<>();
            if (a.has("storage")) {
                for (Iterator<Map.Entry<String, JsonNode>> s = a.get("storage").fields(); s.hasNext(); ) {
                    Map.Entry<String, JsonNode> slot = s.next();
                    String sp = path + ".storage." + slot.getKey();
                    storage.put(Hash.of(Bytes.leftPad(hex(slot.getKey(), sp), 32)), new BigInteger(1, hex(slot.getValue(), sp)));
                }
            }
            alloc.put(address, new Alloc(Wei.of(balance), nonce, code, storage));
        }
        long gasLimit = root.has("gasLimit") ? number(root.get("gasLimit"), "$.gasLimit").longValueExact() : 30_000_000;
        BigInteger baseFee = root.has("baseFeePerGas") ? number(root.get("baseFeePerGas"), "$.baseFeePerGas") : DEFAULT_BASE_FEE;
        long timestamp = root.has("timestamp") ? number(root.get("timestamp"), "$.timestamp").longValueExact() : 0;
        byte[] extra = root.has("extraData") ? hex(root.get("extraData"), "$.extraData") : new byte[0];
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

    /** geth's HexOrDecimal: "0x..." hex, a decimal string, or a JSON number. */
    private static BigInteger number(JsonNode n, String path) {
        try {
            if (n.isIntegralNumber()) return n.bigIntegerValue();
            String s = n.asText().trim();
            BigInteger v = s.startsWith("0x") || s.startsWith("0X") ? new BigInteger(s.length() == 2 ? "0" : s.substring(2), 16) : new BigInteger(s);
            if (v.signum() < 0) throw new NumberFormatException("negative");
            return v;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new GenesisException(path + ": expected a non-negative number (\"0x1f\" or \"31\"), got " + n);
        }
    }

    private static byte[] hex(JsonNode n, String path) {
        return hex(n.asText(), path);
    }

    private static byte[] hex(String s, String path) {
        try {
            return Bytes.fromHex(s);
        } catch (IllegalArgumentException e) {
            throw new GenesisException(path + ": expected hex bytes, got '" + s + "'");
        }
    }
}
