package dev.rollupstudio.evm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.Log;
import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.state.TrieWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs Ethereum's GeneralStateTests (the fixtures' format, Cancun post states): for each case,
 * the pre state, the block environment and one (data, gas, value) choice of the transaction; the
 * resulting state root and logs hash must equal the fixture's. The harness rules are those of
 * ethereum/tests: BLOCKHASH(n) is keccak256 of n in decimal, no beacon-root call, no withdrawals.
 */
public final class StateTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One case's verdict. */
    public record Verdict(String file, String name, int index, Kind kind, String detail) {
        public enum Kind { PASSED, FAILED, SKIPPED }
    }

    private StateTests() {}

    /** Every .json (or gzipped .json.gz) file under {@code path}, or the file itself, sorted. */
    public static List<Path> files(Path path) throws IOException {
        if (Files.isRegularFile(path)) return List.of(path);
        try (Stream<Path> s = Files.walk(path)) {
            return s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".json.gz")).sorted().toList();
        }
    }

    /** A fixture file's JSON, gunzipped when it ends in .gz. */
    static JsonNode readJson(Path file) throws IOException {
        try (java.io.InputStream raw = Files.newInputStream(file);
             java.io.InputStream in = file.toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(raw) : raw) {
            return JSON.readTree(in);
        }
    }

    /** Runs every case of one file for {@code fork} whose name matches {@code filter} (null for all). */
    public static List<Verdict> run(Path file, String fork, Pattern filter) {
        List<Verdict> out = new ArrayList<>();
        JsonNode root;
        try {
            root = readJson(file);
        } catch (IOException e) {
            out.add(new Verdict(file.toString(), "", 0, Verdict.Kind.FAILED, "cannot read: " + e.getMessage()));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> test = it.next();
            if (filter != null && !filter.matcher(test.getKey()).find()) continue;
            JsonNode posts = test.getValue().path("post").path(fork);
            for (int i = 0; i < posts.size(); i++) {
                out.add(runCase(file.toString(), test.getKey(), i, test.getValue(), posts.get(i)));
            }
        }
        return out;
    }

    private static Verdict runCase(String file, String name, int index, JsonNode t, JsonNode post) {
        try {
            TrieWorldState state = preState(t.path("pre"));
            BlockEnv block = block(t.path("env"));
            EvmTransaction tx = transaction(t.path("transaction"), post.path("indexes"));
            TransactionProcessor.Outcome outcome = TransactionProcessor.process(state, block, tx);
            Hash root = state.root();
            Hash logs = logsHash(outcome.logs());
            Hash wantRoot = Hash.fromHex(post.path("hash").asText());
            Hash wantLogs = Hash.fromHex(post.path("logs").asText());
            boolean wantInvalid = post.has("expectException");
            if (wantInvalid != !outcome.valid()) {
                return new Verdict(file, name, index, Verdict.Kind.FAILED, wantInvalid ? "expected " + post.path("expectException").asText()
                        + " but the transaction was valid" : "the transaction was refused: " + outcome.invalid());
            }
            if (!root.equals(wantRoot) || !logs.equals(wantLogs)) {
                return new Verdict(file, name, index, Verdict.Kind.FAILED, (root.equals(wantRoot) ? "" : "state root " + root + " != " + wantRoot + " ")
                        + (logs.equals(wantLogs) ? "" : "logs hash differs") + " (gas used " + outcome.gasUsed() + (outcome.error() == null ? "" : ", " + outcome.error()) + ")");
            }
            return new Verdict(file, name, index, Verdict.Kind.PASSED, "");
        } catch (RuntimeException | StackOverflowError e) {
            return new Verdict(file, name, index, Verdict.Kind.FAILED, "threw " + e + " at " + java.util.Arrays.stream(e.getStackTrace()).limit(5).map(Object::toString).toList());
        }
    }

    static TrieWorldState preState(JsonNode pre) {
        TrieWorldState s = new TrieWorldState();
        for (Iterator<Map.Entry<String, JsonNode>> it = pre.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Address a = Address.fromHex(e.getKey());
            JsonNode acc = e.getValue();
            s.setBalance(a, Wei.of(big(acc.path("balance"))));
            s.setNonce(a, big(acc.path("nonce")).longValue());
            byte[] code = bytes(acc.path("code"));
            if (code.length > 0) s.setCode(a, code);
            for (Iterator<Map.Entry<String, JsonNode>> st = acc.path("storage").fields(); st.hasNext(); ) {
                Map.Entry<String, JsonNode> slot = st.next();
                BigInteger v = big(slot.getValue());
                if (v.signum() != 0) s.setStorage(a, Hash.wrap(Word.of(big(slot.getKey())).toBytes()), v);
            }
        }
        s.drainChanged();
        s.drainChangedStorage();
        return s;
    }

    static BlockEnv block(JsonNode env) {
        BigInteger excess = env.has("currentExcessBlobGas") ? big(env.path("currentExcessBlobGas")) : BigInteger.ZERO;
        Hash random = env.has("currentRandom") ? Hash.wrap(Word.of(big(env.path("currentRandom"))).toBytes()) : Hash.ZERO;
        return new BlockEnv(Address.fromHex(env.path("currentCoinbase").asText()), big(env.path("currentNumber")).longValue(),
                big(env.path("currentTimestamp")).longValue(), big(env.path("currentGasLimit")).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue(),
                env.has("currentBaseFee") ? big(env.path("currentBaseFee")) : BigInteger.TEN, random, blobBaseFee(excess), 1,
                n -> Keccak.hash(Long.toString(n).getBytes(StandardCharsets.US_ASCII)));
    }

    /** EIP-4844's fake_exponential(1, excess, 3338477): the blob base fee for an excess of blob gas. */
    static BigInteger blobBaseFee(BigInteger excess) {
        BigInteger denominator = BigInteger.valueOf(3_338_477);
        BigInteger i = BigInteger.ONE;
        BigInteger output = BigInteger.ZERO;
        BigInteger accum = denominator; // factor * denominator, factor = 1
        while (accum.signum() > 0) {
            output = output.add(accum);
            accum = accum.multiply(excess).divide(denominator.multiply(i));
            i = i.add(BigInteger.ONE);
        }
        return output.divide(denominator);
    }

    static EvmTransaction transaction(JsonNode t, JsonNode idx) {
        int d = idx.path("data").asInt();
        int g = idx.path("gas").asInt();
        int v = idx.path("value").asInt();
        String to = t.path("to").asText("");
        List<EvmTransaction.AccessEntry> access = new ArrayList<>();
        JsonNode lists = t.path("accessLists");
        boolean hasAccessList = lists.isArray() && lists.size() > d && !lists.get(d).isNull();
        if (hasAccessList) {
            for (JsonNode e : lists.get(d)) {
                List<Hash> keys = new ArrayList<>();
                for (JsonNode k : e.path("storageKeys")) keys.add(Hash.wrap(Word.of(big(k)).toBytes()));
                access.add(new EvmTransaction.AccessEntry(Address.fromHex(e.path("address").asText()), keys));
            }
        }
        List<Hash> blobs = new ArrayList<>();
        for (JsonNode h : t.path("blobVersionedHashes")) blobs.add(Hash.fromHex(h.asText()));
        boolean feeMarket = t.has("maxFeePerGas");
        int type = t.has("blobVersionedHashes") || t.has("maxFeePerBlobGas") ? 3 : feeMarket ? 2 : hasAccessList ? 1 : 0;
        return new EvmTransaction(type, Address.fromHex(t.path("sender").asText()), to.isEmpty() ? null : Address.fromHex(to),
                big(t.path("nonce")).longValue(), big(t.path("value").get(v)), bytes(t.path("data").get(d)),
                big(t.path("gasLimit").get(g)).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue(),
                feeMarket ? null : big(t.path("gasPrice")), feeMarket ? big(t.path("maxFeePerGas")) : null,
                feeMarket ? big(t.path("maxPriorityFeePerGas")) : null, access, blobs,
                t.has("maxFeePerBlobGas") ? big(t.path("maxFeePerBlobGas")) : BigInteger.ZERO);
    }

    /** keccak256(RLP([[address, [topics], data], ...])): the fixtures' logs hash. */
    static Hash logsHash(List<Log> logs) {
        List<byte[]> items = new ArrayList<>();
        for (Log l : logs) items.add(l.encode());
        return Keccak.hash(Rlp.encodeList(items));
    }

    private static BigInteger big(JsonNode n) {
        String s = n.asText();
        if (s.startsWith("0x:bigint ")) s = s.substring(10); // a value too large for its field, to be refused
        if (s.startsWith("0x") || s.startsWith("0X")) return s.length() == 2 ? BigInteger.ZERO : new BigInteger(s.substring(2), 16);
        return s.isEmpty() ? BigInteger.ZERO : new BigInteger(s);
    }

    private static BigInteger big(String s) {
        return s.startsWith("0x") ? (s.length() == 2 ? BigInteger.ZERO : new BigInteger(s.substring(2), 16)) : new BigInteger(s);
    }

    private static byte[] bytes(JsonNode n) {
        String s = n == null ? "" : n.asText();
        if (s.startsWith(":raw ")) s = s.substring(5);
        return s.isEmpty() || s.equals("0x") ? new byte[0] : Bytes.fromHex(s);
    }
}
