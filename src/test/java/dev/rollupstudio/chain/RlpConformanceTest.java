package dev.rollupstudio.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollupstudio.TestData;
import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.chain.rlp.RlpException;
import dev.rollupstudio.chain.rlp.RlpItem;
import dev.rollupstudio.types.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The official RLPTests: every valid case encodes to its bytes and decodes back; every invalid one is refused. */
class RlpConformanceTest {

    @TestFactory
    Stream<DynamicTest> encodesAndDecodesValidCases() {
        JsonNode cases = TestData.json("ethereum-tests/RLPTests/rlptest.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> c : iterable(cases)) {
            tests.add(DynamicTest.dynamicTest(c.getKey(), () -> {
                byte[] expected = Bytes.fromHex(c.getValue().get("out").asText());
                byte[] encoded = encode(c.getValue().get("in"));
                assertThat(Bytes.toHex(encoded)).isEqualTo(Bytes.toHex(expected));
                assertThat(Bytes.toHex(reencode(Rlp.decode(expected)))).isEqualTo(Bytes.toHex(expected));
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> rejectsInvalidCases() {
        JsonNode cases = TestData.json("ethereum-tests/RLPTests/invalidRLPTest.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> c : iterable(cases)) {
            tests.add(DynamicTest.dynamicTest(c.getKey(), () -> {
                byte[] bytes = Bytes.fromHex(c.getValue().get("out").asText());
                assertThatThrownBy(() -> decodeDeep(Rlp.decode(bytes))).isInstanceOf(RlpException.class);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> decodesRandomValidCases() {
        JsonNode cases = TestData.json("ethereum-tests/RLPTests/RandomRLPTests/example.json");
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> c : iterable(cases)) {
            tests.add(DynamicTest.dynamicTest(c.getKey(), () -> {
                byte[] bytes = Bytes.fromHex(c.getValue().get("out").asText());
                assertThat(reencode(Rlp.decode(bytes))).isEqualTo(bytes);
            }));
        }
        return tests.stream();
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        return n::fields;
    }

    private static byte[] encode(JsonNode in) {
        if (in.isArray()) {
            List<byte[]> items = new ArrayList<>();
            in.forEach(e -> items.add(encode(e)));
            return Rlp.encodeList(items);
        }
        if (in.isIntegralNumber()) return Rlp.encodeBigInt(in.bigIntegerValue());
        String s = in.asText();
        if (s.startsWith("#")) return Rlp.encodeBigInt(new BigInteger(s.substring(1)));
        return Rlp.encodeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] reencode(RlpItem item) {
        if (item instanceof RlpItem.Seq s) {
            List<byte[]> items = new ArrayList<>();
            s.items().forEach(i -> items.add(reencode(i)));
            return Rlp.encodeList(items);
        }
        return Rlp.encodeBytes(item.bytes());
    }

    private static void decodeDeep(RlpItem item) {
        if (item instanceof RlpItem.Seq s) s.items().forEach(RlpConformanceTest::decodeDeep);
    }
}
