package dev.rollupstudio.ui.dashboard;

import dev.rollupstudio.runtime.config.OperatorConfig.Behaviour;
import dev.rollupstudio.runtime.security.MachStatus;
import dev.rollupstudio.ui.common.Format;
import java.math.BigInteger;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Runtime screen's MACH line on a stack with restaked operators: the fast-final head and the
 * share of stake that signed it, the alerts, and a chip per operator (its behaviour and the last
 * block it signed), so a class sees the quorum lost and regained.
 */
final class MachStrip extends FlowPane {
    private static final BigInteger ETHER = BigInteger.TEN.pow(18);
    private final Label headline = new Label();
    private final java.util.List<Label> chips = new java.util.ArrayList<>();

    /** The headline, then the operators' chips on the same lines: the charts below keep their room. */
    MachStrip() {
        super(6, 4);
        setId("mach-strip");
        setAlignment(Pos.CENTER_LEFT);
        headline.setId("mach-headline");
        headline.setGraphic(new FontIcon("fth-zap"));
        // the last alert's sentence is in the tooltip: on the line it would widen the screen past the window
        headline.setTooltip(new Tooltip());
        getChildren().add(headline);
        show(null);
    }

    /** FX thread: the latest status, or null to hide (a stack without MACH). */
    void show(MachStatus m) {
        setVisible(m != null);
        setManaged(m != null);
        if (m == null) return;
        headline.setText(String.format(Locale.ROOT, "MACH: fast-final head %s, signed by %.1f%% of the bonded ALT (quorum %d%%)%s",
                Format.integer(m.fastFinalHead()), m.altSharePct(), m.quorumPct(),
                m.alerts() == 0 ? "; no alert" : "; " + m.alerts() + " alert(s) (hover for the last)"));
        headline.getTooltip().setText(m.alerts() == 0 ? "No operator has raised an alert." : "Last alert: " + m.lastAlert());
        headline.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("alert"), m.alerts() > 0);
        if (chips.size() != m.operators().size()) {
            getChildren().removeAll(chips);
            chips.clear();
            for (int i = 0; i < m.operators().size(); i++) {
                Label l = new Label();
                l.getStyleClass().addAll("layer-chip", "mach-operator", "text-small");
                l.setId("mach-operator-" + i);
                l.setTooltip(new Tooltip());
                chips.add(l);
            }
            getChildren().addAll(chips);
        }
        for (int i = 0; i < m.operators().size(); i++) {
            MachStatus.OperatorStatus o = m.operators().get(i);
            Label l = chips.get(i);
            String signed = o.lastAttested() < 0 ? "none signed" : "#" + Format.integer(o.lastAttested());
            String how = o.ejected() ? "ejected, " : o.behaviour() == Behaviour.HONEST ? "" : o.behaviour().name().toLowerCase(Locale.ROOT) + ", ";
            l.setText(o.name() + "  " + how + signed);
            l.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("ejected"), o.ejected());
            for (Behaviour b : Behaviour.values()) {
                l.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(b.name().toLowerCase(Locale.ROOT)), o.behaviour() == b);
            }
            l.getTooltip().setText((o.name() + " " + o.address() + "\nbond " + o.bondAlt().divide(ETHER) + " ALT, restaked " + o.restakedEth().divide(ETHER)
                    + " ETH\n" + (o.ejected() ? "ejected: caught signing a block that is not the chain's (two at one height, or one re-execution does not give);"
                    + " its stake no longer counts, and the evidence slashes its bond on L1" : describe(o.behaviour()))
                    + "\nlast block signed: " + (o.lastAttested() < 0 ? "none" : o.lastAttested())));
        }
    }

    private static String describe(Behaviour b) {
        return switch (b) {
            case HONEST -> "re-executes each block and signs what it computed";
            case OFFLINE -> "offline: signs nothing";
            case SLOW -> "slow: its signatures arrive late";
            case MALICIOUS -> "malicious: signs whatever the sequencer sealed, unchecked";
        };
    }
}
