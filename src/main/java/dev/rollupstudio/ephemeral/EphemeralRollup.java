package dev.rollupstudio.ephemeral;

import dev.rollupstudio.host.RollupChainView;
import dev.rollupstudio.runtime.config.LifecycleConfig;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.OptimismPortal;
import dev.rollupstudio.runtime.l1.OutputProposal;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.runtime.rollup.RollupNode;
import dev.rollupstudio.runtime.rollup.TxPool;
import dev.rollupstudio.runtime.event.VerifierFinding;
import dev.rollupstudio.runtime.rollup.Derivation;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One ephemeral rollup's life, moved on by {@link Ephemerals} on the loop thread: it drains when
 * its lifetime ends, it idles out, or someone dissolves it; settles once its final output is
 * final on L1; and fails, with the reason, when it cannot (its final batch never becomes
 * derivable, or the mass exit refuses).
 */
public final class EphemeralRollup {
    /** How long settling waits for the final block to be derivable from L1 before it gives up. */
    static final long SETTLE_TIMEOUT_MILLIS = 600_000;
    /** How long past the final output's finality settling waits for withdrawals still on their way. */
    static final long WITHDRAWAL_GRACE_MILLIS = 120_000;
    /** tx/s samples kept for the live chart: one per second of sim time. */
    static final int TPS_SAMPLES = 300;

    private final long chainId;
    private final String name;
    private final RollupConfig config;
    private final String trigger;
    private final BigDecimal feeAlt;
    private final Map<Phase, Long> entered = new EnumMap<>(Phase.class);
    private Phase phase = Phase.REQUESTED;
    private String failure;
    private volatile RollupChainView view;
    private long lastActivity;
    private long txsServed;
    private double peakTps;
    private final ArrayDeque<double[]> tps = new ArrayDeque<>();
    private long bucketStart = -1, bucketTxs;
    private long closedAtL1 = -1, finalBlock = -1, dropped;
    private boolean outputAsked;
    private OutputProposal finalOutput;
    private Settlement settlement;
    private long daBytes, batches;
    private java.math.BigInteger l1FeesWei = java.math.BigInteger.ZERO;
    /** What nodes that crashed had counted, added to the current node's figures. */
    private long daBytesBefore, batchesBefore;
    private java.math.BigInteger l1FeesBefore = java.math.BigInteger.ZERO;
    private long anchorL1;
    private boolean crashed;
    /** Everyone bridged ALT was sent to on it, gathered as its blocks are sealed (the mass exit's ALT holders). */
    private final java.util.Set<dev.rollupstudio.types.Address> altHolders = new java.util.LinkedHashSet<>();

    EphemeralRollup(long chainId, String name, RollupConfig config, String trigger, BigDecimal feeAlt) {
        this.chainId = chainId;
        this.name = name;
        this.config = config;
        this.trigger = trigger;
        this.feeAlt = feeAlt;
    }

    LifecycleConfig life() {
        return config.lifecycle();
    }

    void enter(Phase p, long now) {
        phase = p;
        entered.put(p, now);
    }

    /** Live from now on: counts what its blocks serve. */
    void activate(RollupChainView v, long now) {
        view = v;
        lastActivity = now;
        v.node().onSealed(this::onSealed);
    }

    private void onSealed(SealedBlock b) {
        Settlement.altRecipients(b.block(), altHolders);
        long users = b.block().transactions().stream().filter(t -> !t.isDeposit()).count();
        long t = b.header().timestamp() * 1000;
        txsServed += users;
        if (users > 0) lastActivity = Math.max(lastActivity, t);
        peakTps = Math.max(peakTps, users * 1000.0 / config.blockTimeMillis());
        if (bucketStart < 0) bucketStart = t;
        while (t >= bucketStart + 1000) {
            tps.addLast(new double[] {bucketStart, bucketTxs});
            if (tps.size() > TPS_SAMPLES) tps.removeFirst();
            bucketStart += 1000;
            bucketTxs = 0;
        }
        bucketTxs += users;
    }

    /** Stops taking transactions and deposits: DRAINING. */
    void beginDrain(EmbeddedL1 l1, String elsewhere) {
        RollupNode node = view.node();
        node.close(closing(elsewhere));
        OptimismPortal.close(l1.state(), chainId);
        closedAtL1 = l1.head().number();
    }

    /**
     * Draining is done when the pool is empty and the chain has taken every deposit made before
     * the portal closed; past the drain timeout what is still pooled is dropped. Then the head is
     * the final block. Returns true when it is.
     */
    boolean drained(long now) {
        RollupNode node = view.node();
        boolean depositsIn = node.chain().head().origin().number() >= closedAtL1;
        boolean timedOut = now - entered.get(Phase.DRAINING) >= life().drainTimeoutMillis();
        if (!(depositsIn && node.pool().size() == 0) && !(depositsIn && timedOut)) return false;
        TxPool pool = node.pool();
        for (TxPool.Entry e : List.copyOf(pool.entries())) {
            pool.remove(e.tx().hash());
            dropped++;
        }
        node.stopSequencing();
        finalBlock = node.chain().head().number();
        return true;
    }

    /**
     * Settling, step by step: the final output once the final block is safe, then its finality
     * on L1 (the challenge window or proving latency after it landed, and its L1 block final),
     * then the withdrawals still on their way, for a grace period. Returns null while waiting,
     * "settle" when it may settle, or why it failed.
     */
    String settleStep(EmbeddedL1 l1, long now) {
        RollupNode node = view.node();
        if (!outputAsked) {
            if (node.proposeFinalOutput()) outputAsked = true;
            else if (now - entered.get(Phase.SETTLING) >= SETTLE_TIMEOUT_MILLIS) return stuck(node);
            return null;
        }
        if (finalOutput == null) {
            List<OutputProposal> outs = l1.outputs(chainId);
            OutputProposal last = outs.isEmpty() ? null : outs.get(outs.size() - 1);
            if (last == null || last.l2BlockNumber() != finalBlock) return null;
            finalOutput = last;
        }
        long finalAt = finalOutput.l1TimestampMillis() + config.proof().delayMillis();
        if (now < finalAt || l1.finalizedNumber() < finalOutput.l1Block()) return null;
        if (config.proof().kind() == dev.rollupstudio.runtime.config.ProofSystem.Kind.VALIDITY
                && !dev.rollupstudio.runtime.l1.ValidityProofs.verified(l1.state(), chainId, finalOutput.index())) return null; // its proof first
        if (node.relayer().pending() > 0 && now < finalAt + WITHDRAWAL_GRACE_MILLIS) return null;
        return "settle";
    }

    private String stuck(RollupNode node) {
        Derivation d = node.derivation();
        String why = d.findings(VerifierFinding.Kind.DATA_UNAVAILABLE) > 0
                ? "its " + node.da().name() + " layer never served the final batch"
                : "its final batch was not derivable from L1";
        return why + ": the verifier's safe head is " + d.safeHead() + " of " + finalBlock + " after " + SETTLE_TIMEOUT_MILLIS / 1000
                + " s; nothing was paid out, and its funds stay claimable by the normal withdrawal path";
    }

    void settled(Settlement s) {
        settlement = s;
        keepMetrics(view.node());
    }

    void fail(String why) {
        failure = why;
        if (view != null && view.dissolvedBecause() == null) keepMetrics(view.node());
    }

    /** What its batches cost and carried, kept for the card and the report after its node is gone. */
    private void keepMetrics(RollupNode node) {
        daBytes = daBytesBefore + node.metrics().daCompressedBytes();
        batches = batchesBefore + node.metrics().batches();
        l1FeesWei = l1FeesBefore.add(node.metrics().daFees().value());
    }

    void anchor(long l1Block) {
        anchorL1 = l1Block;
    }

    long anchor() {
        return anchorL1;
    }

    boolean isCrashed() {
        return crashed;
    }

    /** Its node dies ({@link dev.rollupstudio.host.DevnetHost#kill}); what it had counted is kept. */
    void crashed(dev.rollupstudio.host.DevnetHost host) {
        keepMetrics(view.node());
        daBytesBefore = daBytes;
        batchesBefore = batches;
        l1FeesBefore = l1FeesWei;
        host.kill(chainId);
        crashed = true;
    }

    /**
     * A new node took over from the store: it counts from here, and an ending rollup stays
     * ending (closed again; sealing stopped again when its final block was sealed; its final
     * output proposed again, which is harmless when L1 already has it).
     */
    void recovered(RollupChainView v, String elsewhere) {
        crashed = false;
        view = v;
        v.node().onSealed(this::onSealed);
        if (phase == Phase.DRAINING || phase == Phase.SETTLING) {
            v.node().close(closing(elsewhere));
        }
        if (phase == Phase.SETTLING) {
            v.node().stopSequencing();
            finalBlock = v.node().chain().head().number(); // every sealed block was committed before settling began
            outputAsked = false;
        }
    }

    private String closing(String elsewhere) {
        return "rollup " + chainId + " (" + name + ") is ending and takes no new transactions; " + elsewhere;
    }

    /** An immutable picture for other threads. */
    public EphemeralStatus status(long now) {
        List<double[]> samples = List.copyOf(tps);
        if (view != null && !phase.isEnd()) keepMetrics(view.node());
        return new EphemeralStatus(chainId, name, phase, Collections.unmodifiableMap(new EnumMap<>(entered)), failure, trigger, txsServed, peakTps,
                samples, daBytes, batches, l1FeesWei, feeAlt, dropped, finalBlock, settlement, now);
    }

    java.util.Set<dev.rollupstudio.types.Address> altHolders() { return altHolders; }
    public long chainId() { return chainId; }
    public String name() { return name; }
    public Phase phase() { return phase; }
    public RollupConfig config() { return config; }
    RollupChainView view() { return view; }
    long lastActivity() { return lastActivity; }
    long enteredAt(Phase p) { return entered.getOrDefault(p, -1L); }
    public String failure() { return failure; }
}
