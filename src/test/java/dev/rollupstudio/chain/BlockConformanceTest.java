package dev.rollupstudio.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollupstudio.TestData;
import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.chain.rlp.RlpItem;
import dev.rollupstudio.chain.trie.MerklePatriciaTrie;
import dev.rollupstudio.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Official Cancun block tests (bcEIP1559): decoding each block's RLP must give the header hash,
 * the transactions root and every sender the fixture states, for legacy, EIP-2930 and EIP-1559.
 */
class BlockConformanceTest {
    private static final List<String> FILES = List.of("transType", "baseFeeDiffPlaces", "burnVerify", "highDemand", "intrinsic",
            "intrinsicTip", "lowDemand", "medDemand", "tips", "besuBaseFeeBug");

    @TestFactory
    Stream<DynamicTest> headersTransactionsAndSendersMatch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            if (BlockConformanceTest.class.getResource("/ethereum-tests/BlockchainTests/bcEIP1559/" + file + ".json") == null) continue;
            JsonNode suite = TestData.json("ethereum-tests/BlockchainTests/bcEIP1559/" + file + ".json");
            suite.fields().forEachRemaining(c -> {
                JsonNode blocks = c.getValue().get("blocks");
                for (int i = 0; i < blocks.size(); i++) {
                    JsonNode b = blocks.get(i);
                    if (!b.has("blockHeader")) continue;
                    tests.add(DynamicTest.dynamicTest(file + "/" + c.getKey() + "/block" + i, () -> check(b)));
                }
            });
        }
        assertThat(tests).hasSizeGreaterThan(10);
        return tests.stream();
    }

    private static void check(JsonNode b) {
        List<RlpItem> block = Rlp.decode(Bytes.fromHex(b.get("rlp").asText())).list();
        BlockHeader header = BlockHeader.decode(block.get(0));
        JsonNode expected = b.get("blockHeader");
        assertThat(header.hash().toHex()).isEqualTo(expected.get("hash").asText());
        assertThat(header.encode()).isEqualTo(Rlp.encode(block.get(0)));

        List<byte[]> encodings = new ArrayList<>();
        List<RlpItem> txItems = block.get(1).list();
        for (int t = 0; t < txItems.size(); t++) {
            RlpItem item = txItems.get(t);
            byte[] raw = item instanceof RlpItem.Str s ? s.bytes() : Rlp.encode(item);
            Transaction tx = Transaction.decode(raw);
            assertThat(tx.encoded()).isEqualTo(raw);
            assertThat(tx.sender().toHex()).isEqualTo(b.get("transactions").get(t).get("sender").asText());
            encodings.add(raw);
        }
        assertThat(MerklePatriciaTrie.orderedRoot(encodings).toHex()).isEqualTo(expected.get("transactionsTrie").asText());
    }
}
