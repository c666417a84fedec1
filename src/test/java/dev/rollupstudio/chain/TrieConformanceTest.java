package dev.rollupstudio.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollupstudio.TestData;
import dev.rollupstudio.chain.trie.MerklePatriciaTrie;
import dev.rollupstudio.types.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The official TrieTests: every case must produce its root, plain and secure (keys hashed). */
class TrieConformanceTest {

    @TestFactory
    Stream<DynamicTest> officialTrieVectors() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : List.of("trietest", "trieanyorder", "hex_encoded_securetrie_test", "trietest_secureTrie", "trieanyorder_secureTrie")) {
            boolean secure = file.contains("secure");
            JsonNode cases = TestData.json("ethereum-tests/TrieTests/" + file + ".json");
            cases.fields().forEachRemaining(c -> tests.add(DynamicTest.dynamicTest(file + "/" + c.getKey(), () -> {
                MerklePatriciaTrie trie = new MerklePatriciaTrie();
                JsonNode in = c.getValue().get("in");
                if (in.isArray()) {
                    for (JsonNode kv : in) apply(trie, kv.get(0), kv.get(1), secure);
                } else {
                    for (Map.Entry<String, JsonNode> kv : (Iterable<Map.Entry<String, JsonNode>>) in::fields) {
                        apply(trie, new com.fasterxml.jackson.databind.node.TextNode(kv.getKey()), kv.getValue(), secure);
                    }
                }
                assertThat(trie.rootHash().toHex()).isEqualTo(c.getValue().get("root").asText());
            })));
        }
        return tests.stream();
    }

    @Test
    void snapshotsAreUnaffectedByLaterWritesAndGetReadsBack() {
        MerklePatriciaTrie trie = new MerklePatriciaTrie();
        trie.put(bytes("dog"), bytes("puppy"));
        trie.put(bytes("doge"), bytes("coin"));
        MerklePatriciaTrie snapshot = trie.copy();
        String before = snapshot.rootHash().toHex();
        trie.put(bytes("horse"), bytes("stallion"));
        trie.delete(bytes("dog"));
        assertThat(snapshot.rootHash().toHex()).isEqualTo(before);
        assertThat(snapshot.get(bytes("dog"))).isEqualTo(bytes("puppy"));
        assertThat(trie.get(bytes("dog"))).isNull();
        assertThat(trie.get(bytes("doge"))).isEqualTo(bytes("coin"));
        trie.delete(bytes("horse"));
        trie.delete(bytes("doge"));
        assertThat(trie.rootHash()).isEqualTo(MerklePatriciaTrie.EMPTY_ROOT);
        assertThat(MerklePatriciaTrie.EMPTY_ROOT.toHex()).isEqualTo("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
    }

    private static void apply(MerklePatriciaTrie trie, JsonNode k, JsonNode v, boolean secure) {
        byte[] key = decode(k.asText());
        if (secure) key = Keccak.digest(key);
        byte[] value = v == null || v.isNull() ? new byte[0] : decode(v.asText());
        trie.put(key, value);
    }

    private static byte[] decode(String s) {
        return s.startsWith("0x") ? Bytes.fromHex(s) : bytes(s);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
