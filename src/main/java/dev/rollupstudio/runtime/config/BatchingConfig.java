package dev.rollupstudio.runtime.config;

/**
 * Cadence of what goes to L1: a channel is posted once it has been open this many L1 blocks
 * (op-batcher's max channel duration), and an output root every {@code outputIntervalBlocks}
 * L2 blocks. Set for a local runtime where a user wants to see the safe head move within a minute.
 */
public record BatchingConfig(int maxChannelDurationL1Blocks, int outputIntervalBlocks) {

    public static BatchingConfig defaults() {
        return new BatchingConfig(5, 30);
    }
}
