package dev.rollupstudio.runtime.fault;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.event.BatchPosted;
import dev.rollupstudio.runtime.event.RuntimeEvent;
import java.math.BigInteger;
import java.util.Locale;

/** For three minutes the rest of Ethereum fills L1: both base fees climb, and batches cost more until blocks empty again. */
final class L1Congestion extends ActiveFault {
    static final long CONGESTED_MILLIS = 180_000;
    private BigInteger baseBefore;
    private BigInteger blobBefore;
    private BigInteger basePeak = BigInteger.ZERO;
    private BigInteger blobPeak = BigInteger.ZERO;
    private double beforeWeiPerByte;
    private final double[] during = new double[2]; // L1 fee wei, compressed bytes of the batches posted while congested
    private long endAt = -1;

    L1Congestion(RollupRuntime rt) {
        super(FaultKind.L1_CONGESTION, rt);
    }

    @Override void start() {
        long bytes = rt.metrics().daCompressedBytes();
        beforeWeiPerByte = bytes == 0 ? 0 : rt.metrics().daFees().value().doubleValue() / bytes;
        baseBefore = rt.l1().baseFee();
        blobBefore = rt.l1().blobBaseFee();
        rt.l1().setCongested(true);
        rt.scheduler().at(injectedAt + CONGESTED_MILLIS, 5, () -> {
            rt.l1().setCongested(false);
            endAt = now();
        });
    }

    @Override void tick() {
        BigInteger base = rt.l1().baseFee();
        BigInteger blob = rt.l1().blobBaseFee();
        basePeak = basePeak.max(base);
        blobPeak = blobPeak.max(blob);
        if (!detected() && (base.compareTo(baseBefore.shiftLeft(1)) >= 0 || blob.compareTo(blobBefore.shiftLeft(1)) >= 0)) {
            detected(String.format(Locale.ROOT, "L1 fee market: the base fee at %.1fx and the blob base fee at %.1fx what they were",
                    ratio(base, baseBefore), ratio(blob, blobBefore)));
        }
        if (endAt >= 0 && outcome.equals("under way") && now() - endAt >= CONGESTED_MILLIS) outcome = sentence();
    }

    @Override void onEvent(RuntimeEvent e) {
        if (!(e instanceof BatchPosted b) || endAt >= 0) return;
        during[0] += b.l1Fee().value().doubleValue();
        during[1] += b.compressedBytes();
    }

    private String sentence() {
        String perByte = beforeWeiPerByte == 0 || during[1] == 0 ? "no batch landed during it to compare with those before"
                : String.format(Locale.ROOT, "batches posted during it paid %.1fx the L1 fee per byte of those before", during[0] / during[1] / beforeWeiPerByte);
        return String.format(Locale.ROOT, "for %d s L1 ran full: its base fee rose from %.2f to %.2f gwei and the blob base fee from %s to %s wei; %s;"
                        + " fees then fall 12.5%% per emptier block (EIP-1559, EIP-4844)", CONGESTED_MILLIS / 1000, gwei(baseBefore), gwei(basePeak),
                blobBefore, blobPeak, perByte);
    }

    private static double ratio(BigInteger a, BigInteger b) {
        return b.signum() == 0 ? Double.POSITIVE_INFINITY : a.doubleValue() / b.doubleValue();
    }

    private static double gwei(BigInteger wei) {
        return wei.doubleValue() / 1e9;
    }
}
