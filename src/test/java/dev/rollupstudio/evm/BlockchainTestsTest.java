package dev.rollupstudio.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ethereum's Cancun BlockchainTests/ValidBlocks (all 214 files, gzipped), block by block: every
 * block's state root, receipts root, logs bloom and gas used equal its header's, the block with a
 * blob transaction (type 3) included: nothing is skipped.
 */
class BlockchainTestsTest {

    @Test
    void everyValidBlockReproducesItsHeadersRoots() throws Exception {
        Path dir = Path.of(BlockchainTestsTest.class.getResource("/ethereum-tests/BlockchainTests/ValidBlocks").toURI());
        List<StateTests.Verdict> verdicts = new ArrayList<>();
        Thread t = new Thread(null, () -> {
            try {
                for (Path f : StateTests.files(dir)) verdicts.addAll(BlockTests.run(f));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "blocktest", Evm.STACK_BYTES);
        t.start();
        t.join();
        assertThat(verdicts).filteredOn(v -> v.kind() == StateTests.Verdict.Kind.FAILED).isEmpty();
        assertThat(verdicts).filteredOn(v -> v.kind() == StateTests.Verdict.Kind.PASSED).hasSizeGreaterThanOrEqualTo(899);
        assertThat(verdicts).filteredOn(v -> v.kind() == StateTests.Verdict.Kind.SKIPPED).isEmpty();
    }
}
