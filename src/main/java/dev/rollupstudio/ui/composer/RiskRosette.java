package dev.rollupstudio.ui.composer;

import dev.rollupstudio.spec.RiskView;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/** L2BEAT's risk rosette: five wedges coloured good / warning / bad, the stage in the middle. */
public final class RiskRosette extends Region {
    private static final String[] SHORT = {"State\nvalidation", "Data\navailability", "Exit\nwindow", "Sequencer\nfailure", "Proposer\nfailure"};
    private static final double R = 50;
    private final Group group = new Group();
    private final Text stage = new Text();

    public RiskRosette() {
        getStyleClass().add("risk-rosette");
        setMinSize(236, 172);
        setPrefSize(236, 172);
        getChildren().add(group);
        show(null);
    }

    public void show(RiskView risk) {
        group.getChildren().clear();
        List<RiskView.Column> cols = risk == null ? null : risk.columns();
        for (int i = 0; i < 5; i++) {
            double start = 90 - i * 72 - 36;
            Arc wedge = new Arc(0, 0, R, R, start, 72);
            wedge.setType(ArcType.ROUND);
            wedge.getStyleClass().addAll("wedge", cols == null ? "wedge-unknown" : "wedge-" + cols.get(i).level().name().toLowerCase());
            wedge.setId("wedge-" + i);
            if (cols != null) Tooltip.install(wedge, new Tooltip(cols.get(i).title() + ": " + cols.get(i).value() + "\n" + cols.get(i).reason()));
            double mid = Math.toRadians(start + 36);
            Text label = new Text(SHORT[i]);
            label.getStyleClass().add("wedge-label");
            label.setTextAlignment(TextAlignment.CENTER);
            label.setTextOrigin(VPos.CENTER);
            double lx = Math.cos(mid) * (R + 36);
            double ly = -Math.sin(mid) * (R + 20);
            label.setX(lx - label.getLayoutBounds().getWidth() / 2);
            label.setY(ly - label.getLayoutBounds().getHeight() / 4);
            group.getChildren().addAll(wedge, label);
        }
        stage.setText(risk == null ? "—" : risk.stage().equals("not a rollup") ? "Not a\nrollup" : "Stage\n" + risk.stage());
        stage.getStyleClass().add("rosette-stage");
        stage.applyCss(); // the hub fits its text, with a margin, whatever the font and the words
        double half = Math.hypot(stage.getLayoutBounds().getWidth(), stage.getLayoutBounds().getHeight()) / 2;
        Circle hub = new Circle(0, 0, Math.min(R - 14, Math.max(22, half + 3)));
        hub.getStyleClass().add("rosette-hub");
        stage.setId("stage");
        stage.setTextAlignment(TextAlignment.CENTER);
        stage.setTextOrigin(VPos.CENTER);
        stage.setX(-stage.getLayoutBounds().getWidth() / 2);
        stage.setY(-stage.getLayoutBounds().getHeight() / 4);
        group.getChildren().addAll(hub, stage);
        if (risk != null) Tooltip.install(hub, new Tooltip(risk.stageReason()));
    }

    public String stageText() {
        return stage.getText();
    }

    @Override protected void layoutChildren() {
        group.setLayoutX(getWidth() / 2);
        group.setLayoutY(getHeight() / 2 + 4);
    }
}
