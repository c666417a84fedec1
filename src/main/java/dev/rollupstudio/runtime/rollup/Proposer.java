package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.OutputRoot;
import dev.rollupstudio.runtime.l1.OutputProposal;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import java.util.function.Consumer;

/** Every N L2 blocks, once a block is safe, proposes its output root to the L1 output oracle. */
public final class Proposer {
    private final RollupConfig config;
    private final EmbeddedL1 l1;
    private final L2Chain chain;
    private final Consumer<OutputProposal> onProposed;
    private long next;
    private long finalProposed = -1;
    private boolean wrongNext;

    public Proposer(RollupConfig config, EmbeddedL1 l1, L2Chain chain, long nextOutputBlock, Consumer<OutputProposal> onProposed) {
        this.config = config;
        this.l1 = l1;
        this.chain = chain;
        this.next = nextOutputBlock;
        this.onProposed = onProposed;
    }

    public void onSafeHead(long safe) {
        while (next <= safe) {
            SealedBlock b = chain.block(next);
            if (b == null) return;
            l1.proposeOutput(config.chainId(), next, root(b), onProposed);
            next += config.batching().outputIntervalBlocks();
        }
    }

    /** A fault: the next output proposed claims a root no execution gives (what a faulty or lying proposer posts). */
    public void proposeWrongNext() {
        wrongNext = true;
    }

    /** A dispute deleted the output at {@code l2Block} and those after: propose from there again, as the safe head allows. */
    public void rewind(long l2Block) {
        next = Math.min(next, l2Block);
    }

    private dev.rollupstudio.types.Hash root(SealedBlock b) {
        dev.rollupstudio.types.Hash honest = OutputRoot.of(b.header(), b.hash());
        if (!wrongNext) return honest;
        wrongNext = false;
        return dev.rollupstudio.chain.Keccak.hash(dev.rollupstudio.types.Bytes.concat("a wrong output".getBytes(java.nio.charset.StandardCharsets.US_ASCII), honest.raw()));
    }

    /** An ending rollup's last output, at its final block {@code n} (once, and only if the interval did not already propose it). */
    public void proposeFinal(long n) {
        if (finalProposed == n) return;
        finalProposed = n;
        onSafeHead(n);
        long last = next - config.batching().outputIntervalBlocks();
        if (last == n) return;
        SealedBlock b = chain.block(n);
        l1.proposeOutput(config.chainId(), n, OutputRoot.of(b.header(), b.hash()), onProposed);
    }
}
