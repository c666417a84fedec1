package dev.rollupstudio.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** EVM work runs on a thread whose stack holds recursion far deeper than a default thread's. */
class DeepStackTest {

    private static int depth(int n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }

    @Test
    void recursionThatOverflowsAnOrdinaryThreadFitsOnTheEvmThread() throws Exception {
        int n = 2_000_000; // tens of megabytes of frames: past the default 1 MB stack
        Throwable[] onSmall = new Throwable[1];
        Thread small = new Thread(null, () -> {
            try {
                depth(n);
            } catch (StackOverflowError e) {
                onSmall[0] = e;
            }
        }, "small", 1 << 20);
        small.start();
        small.join();
        assertThat(onSmall[0]).isInstanceOf(StackOverflowError.class);
        assertThat(DeepStack.run(() -> depth(n))).isEqualTo(n);
        assertThat(DeepStack.run(() -> DeepStack.run(() -> 7))).isEqualTo(7); // nested: runs in place
        assertThatThrownBy(() -> DeepStack.run(() -> {
            throw new IllegalArgumentException("boom");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("boom");
    }
}
