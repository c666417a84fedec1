package dev.rollupstudio.spec;

/** The DA layer: where batches are published, how fast, at what price, and how safely. */
public interface DataAvailability extends Component {
    /** reference.md "blob": 4096 x 32 B per blob; OP's blob encoding makes 130,044 B usable. */
    double USABLE_BLOB_BYTES = 130_044;

    /** Bytes per second the layer can take for this rollup. */
    double bytesPerSecond(StackSpec s);

    /** What binds throughput when this layer does, in words ("L1 blob space"). */
    default String bindingName() {
        return "DA bandwidth";
    }

    /** The runtime's batcher closes a channel at this many frames. */
    default int framesPerChannel() {
        return 6;
    }

    default double frameBytes() {
        return USABLE_BLOB_BYTES;
    }

    /** USD to publish one channel of {@code bytes} (including any commitment on L1). */
    double channelCostUsd(StackSpec s, double bytes, Prices p);

    /** Seconds from a batch leaving the batcher to its data being available to L1 readers. */
    double latencySeconds(StackSpec s);

    /** Whether the data is published on Ethereum itself (blobs or calldata) rather than beside it. */
    default boolean onEthereum() {
        return false;
    }

    /** L2BEAT's "Data availability" column. */
    RiskView.Column risk(StackSpec s);
}
