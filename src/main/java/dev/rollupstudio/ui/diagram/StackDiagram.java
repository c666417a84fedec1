package dev.rollupstudio.ui.diagram;

import dev.rollupstudio.spec.Component;
import dev.rollupstudio.spec.Estimate;
import dev.rollupstudio.spec.Estimator;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.ui.common.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * The composed stack as an architecture diagram, in logical coordinates (a {@value #WIDTH} x
 * {@value #HEIGHT} canvas): one band per step a transaction takes, from users through the
 * sequencer, L2 execution, the batcher and the DA layer down to L1 (inbox, output oracle,
 * bridge) and the proof system, with the restaked operators beside what they watch. Each box
 * names its component and a key figure. Pure data: {@link DiagramView} draws it on screen and
 * {@link DiagramSvg} writes it for slides, so both show the same picture.
 */
public record StackDiagram(String title, List<Box> boxes, List<Arrow> arrows) {
    public static final double WIDTH = 680;
    public static final double HEIGHT = 700;

    /** How a box is drawn: a step of the pipeline, the L1 that holds the others, a part of L1, operators beside, a note. */
    public enum Kind { STEP, CONTAINER, PART, OPERATORS, NOTE, MISSING }

    /** A box: where it is, its heading, the component in it, a key figure and the component's icon. */
    public record Box(String id, Kind kind, double x, double y, double w, double h, String heading, String component, String figure,
                      String iconKey) {
        public double centerX() { return x + w / 2; }
        public double bottom() { return y + h; }
        public double right() { return x + w; }
    }

    /**
     * An arrow along the points {@code xy} (x0, y0, x1, y1, ...), its head at the last, and a label
     * whose left end is at (labelX, labelY); dashed for what operators do.
     */
    public record Arrow(double[] xy, String label, double labelX, double labelY, boolean dashed) {
        static Arrow straight(double x1, double y1, double x2, double y2, String label, boolean dashed) {
            boolean vertical = x1 == x2;
            return new Arrow(new double[] {x1, y1, x2, y2}, label, vertical ? x1 + 8 : Math.min(x1, x2) + 6,
                    vertical ? (y1 + y2) / 2 : y1 - 6, dashed);
        }
    }

    private static final double MAIN_X = 20;
    private static final double MAIN_W = 420;
    private static final double SIDE_X = 480;
    private static final double SIDE_W = 180;
    private static final double SIDE_H = 120;
    private static final double BAND_H = 62;
    private static final double GAP = 32;

    public Box box(String id) {
        return boxes.stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException("no box " + id));
    }

    /** The diagram of {@code spec}, with throughput and finality from {@code estimate} where there is one (null while the stack has errors). */
    public static StackDiagram of(StackSpec spec, Estimate estimate, double tps) {
        List<Box> boxes = new ArrayList<>();
        List<Arrow> arrows = new ArrayList<>();
        double y = 20;
        Box users = step("users", y, "Users and wallets", "signed EIP-1559 transactions", "load " + Format.tps(tps), "fth-users");
        y += BAND_H + GAP;
        Box sequencer = layer(spec, Layer.SEQUENCING, "sequencer", y, "Sequencer");
        y += BAND_H + GAP;
        Box execution = layer(spec, Layer.EXECUTION, "execution", y, "L2 execution");
        if (estimate != null && execution.kind() != Kind.MISSING) {
            execution = withHeading(execution, "L2 execution · up to " + Format.tps(estimate.throughputCeilingTps()));
        }
        y += BAND_H + GAP;
        Box batcher = step("batcher", y, "Batcher", "compresses blocks into channels and frames",
                "a channel closes when full or after " + Format.duration(Estimator.CHANNEL_SECONDS), "fth-package");
        y += BAND_H + GAP;
        Box da = layer(spec, Layer.DATA_AVAILABILITY, "da", y, "Data availability");
        if (estimate != null && da.kind() != Kind.MISSING) da = withHeading(da, "Data availability · carries " + Format.tps(estimate.daTps()));
        y += BAND_H + GAP;
        double l1y = y;
        Component settlement = spec.component(Layer.SETTLEMENT);
        Box l1 = new Box("l1", settlement == null ? Kind.MISSING : Kind.CONTAINER, MAIN_X, l1y, MAIN_W, 104, "Settlement on L1",
                settlement == null ? "no settlement layer: drag one onto its lane" : settlement.name(), "", settlement == null ? "fth-database" : settlement.iconKey());
        double partW = (MAIN_W - 4 * 14) / 3;
        double partY = l1y + 44;
        boolean external = spec.dataAvailability() != null && !spec.is(Layer.DATA_AVAILABILITY, dev.rollupstudio.spec.component.EthereumBlobs.ID)
                && !spec.is(Layer.DATA_AVAILABILITY, dev.rollupstudio.spec.component.EthereumCalldata.ID);
        // outputs, inbox, bridge: the DA arrow comes down right of L1's name, deposits leave by the right margin
        Box oracle = new Box("oracle", Kind.PART, MAIN_X + 14, partY, partW, 48, "Outputs", "", "state roots", "fth-hash");
        Box inbox = new Box("inbox", Kind.PART, MAIN_X + 28 + partW, partY, partW, 48, "Inbox", "", external ? "commitments" : "batch data", "fth-inbox");
        Box bridge = new Box("bridge", Kind.PART, MAIN_X + 42 + 2 * partW, partY, partW, 48, "Bridge", "", "funds in & out", "fth-repeat");
        y += 104 + GAP;
        Box proofs = layer(spec, Layer.PROOFS, "proofs", y, "Proofs and finality");
        if (estimate != null && proofs.kind() != Kind.MISSING) {
            Estimate.Finality f = estimate.timeToFinality();
            proofs = withHeading(proofs, "Proofs · final in " + Format.duration(f.finalSeconds()));
        }
        boxes.addAll(List.of(users, sequencer, execution, batcher, da, l1, inbox, oracle, bridge, proofs));

        double cx = MAIN_X + MAIN_W / 2;
        arrows.add(down(users, sequencer, cx, "signed transactions"));
        arrows.add(down(sequencer, execution, cx, "ordered transactions, deposits first"));
        arrows.add(down(execution, batcher, cx, "sealed blocks (unsafe head)"));
        arrows.add(down(batcher, da, cx, "compressed frames"));
        double dataX = inbox.right() - 30; // clear of L1's name on the left
        arrows.add(Arrow.straight(dataX, da.bottom(), dataX, inbox.y(), external ? "commitments" : "blobs / calldata", false));
        arrows.add(Arrow.straight(oracle.centerX(), proofs.y(), oracle.centerX(), oracle.bottom(), "proofs / challenges", false));
        // deposits go up the right margin, past the bands, into the sequencer
        double margin = MAIN_X + MAIN_W + 20;
        double depositY = sequencer.y() + BAND_H - 14;
        arrows.add(new Arrow(new double[] {bridge.right(), bridge.y() + 24, margin, bridge.y() + 24, margin, depositY, sequencer.right(), depositY},
                "deposits", margin - 58, l1y - GAP / 2, false));

        // Restaked operators beside what they watch
        Component security = spec.component(Layer.SECURITY);
        boolean restaked = security != null && !spec.is(Layer.SECURITY, dev.rollupstudio.spec.component.NoRestaking.ID);
        if (restaked) {
            // MACH attests blocks as they are made, beside L2 execution; VITAL verifies what is proven, above the proofs
            boolean mach = spec.is(Layer.SECURITY, dev.rollupstudio.spec.component.Mach.ID);
            Box ops = new Box("operators", Kind.OPERATORS, SIDE_X, mach ? execution.y() : l1y, SIDE_W, SIDE_H, "Operators", security.name(),
                    operators(spec, security) + "\n" + (mach ? "attest each block" : "verify, raise alerts"), security.iconKey());
            boxes.add(ops);
            double py = proofs.y() + 20;
            arrows.add(mach ? Arrow.straight(ops.x(), execution.y() + 20, execution.right(), execution.y() + 20, "", true)
                    : new Arrow(new double[] {ops.x() + 24, ops.bottom(), ops.x() + 24, py, proofs.right(), py}, "", 0, 0, true));
        } else {
            boxes.add(new Box("operators", Kind.NOTE, SIDE_X, proofs.y(), SIDE_W, BAND_H, "Operators", "no restaking", "", "fth-minus-circle"));
        }
        // The lifecycle and the gas token, as notes at the top right
        Component lifecycle = spec.component(Layer.LIFECYCLE);
        if (lifecycle != null) {
            boxes.add(new Box("lifecycle", Kind.NOTE, SIDE_X, 20, SIDE_W, BAND_H, "Lifecycle", lifecycle.name(),
                    figure(spec, Layer.LIFECYCLE, lifecycle, 26), lifecycle.iconKey()));
        }
        Component gas = spec.component(Layer.GAS_TOKEN);
        if (gas != null) {
            String symbol = spec.gasToken().symbol(spec);
            boxes.add(new Box("gas", Kind.NOTE, SIDE_X, sequencer.y(), SIDE_W, BAND_H, "Gas token", gas.name(), "fees in " + symbol, gas.iconKey()));
        }
        if (estimate != null) {
            Estimate.Finality f = estimate.timeToFinality();
            boolean vital = spec.is(Layer.SECURITY, dev.rollupstudio.spec.component.Vital.ID); // VITAL's operators take L1's row
            boxes.add(new Box("finality", Kind.NOTE, SIDE_X, vital ? execution.y() : l1y, SIDE_W, 104, "Finality", "",
                    "soft " + Format.duration(f.softSeconds()) + "\nsafe " + Format.duration(f.safeSeconds()) + "\nfinal " + Format.duration(f.finalSeconds()),
                    "fth-clock"));
        }
        return new StackDiagram(spec.name(), List.copyOf(boxes), List.copyOf(arrows));
    }

    private static Arrow down(Box from, Box to, double x, String label) {
        return Arrow.straight(x, from.bottom(), x, to.y(), label, false);
    }

    private static Box step(String id, double y, String heading, String what, String figure, String icon) {
        return new Box(id, Kind.STEP, MAIN_X, y, MAIN_W, BAND_H, heading, what, figure, icon);
    }

    private static Box withHeading(Box b, String heading) {
        return new Box(b.id(), b.kind(), b.x(), b.y(), b.w(), b.h(), heading, b.component(), b.figure(), b.iconKey());
    }

    /** A band for a layer's component, or a marked gap when the lane is empty. */
    private static Box layer(StackSpec spec, Layer layer, String id, double y, String heading) {
        Component c = spec.component(layer);
        if (c == null) {
            return new Box(id, Kind.MISSING, MAIN_X, y, MAIN_W, BAND_H, heading, "empty: drag a " + layer.title.toLowerCase() + " component onto its lane",
                    "", "fth-alert-triangle");
        }
        return new Box(id, Kind.STEP, MAIN_X, y, MAIN_W, BAND_H, heading, c.name(), figure(spec, layer, c, 48), c.iconKey());
    }

    /** "10 operators · 66% quorum": what their security rests on. */
    private static String operators(StackSpec spec, Component c) {
        var count = c.param("operators");
        if (count == null) return "";
        Object n = spec.get(Layer.SECURITY, count);
        var quorum = c.param("quorumPct");
        return n + " operators" + (quorum != null ? " · " + spec.get(Layer.SECURITY, quorum) + "% quorum" : "");
    }

    private static String figure(StackSpec spec, Layer layer, Component c, int chars) {
        return dev.rollupstudio.ui.common.ParamSummary.of(spec, layer, c, chars);
    }
}
