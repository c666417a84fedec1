package dev.rollupstudio.ui.dashboard;

import dev.rollupstudio.runtime.AppliedChanges.Applied;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Label;

/** The Runtime screen's line on what ALT governance changed in the running rollup; hidden until something is. */
final class GovernanceLine {
    private GovernanceLine() {}

    static Label create() {
        Label l = new Label();
        l.setId("governance-line");
        l.setGraphic(new org.kordamp.ikonli.javafx.FontIcon("fth-award"));
        l.setWrapText(true);
        show(l, List.of());
        return l;
    }

    static void show(Label l, List<Applied> changes) {
        boolean any = changes != null && !changes.isEmpty();
        l.setVisible(any);
        l.setManaged(any);
        if (!any) return;
        l.setText("Governance: " + changes.stream().map(GovernanceLine::sentence).collect(Collectors.joining("; ")));
    }

    /** "gas limit 60,000,000 from L2 block 812 (proposal executed in L1 block 61)". */
    static String sentence(Applied a) {
        String what = switch (a.key()) {
            case "gasLimit" -> "gas limit " + String.format("%,d", a.value());
            case "baseFeeScalar" -> "L1 base fee scalar " + String.format("%,d", a.value());
            case "blobBaseFeeScalar" -> "L1 blob fee scalar " + String.format("%,d", a.value());
            case "machQuorumPct" -> "MACH quorum " + a.value() + "%";
            default -> a.key() + " " + a.value();
        };
        return what + (a.fromL2Block() >= 0 ? " from L2 block " + a.fromL2Block() : " from the first L2 block on its L1 block")
                + " (proposal executed in L1 block " + a.l1Block() + ")";
    }
}
