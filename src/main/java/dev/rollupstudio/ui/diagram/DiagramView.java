package dev.rollupstudio.ui.diagram;

import dev.rollupstudio.ui.diagram.StackDiagram.Arrow;
import dev.rollupstudio.ui.diagram.StackDiagram.Box;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Draws a {@link StackDiagram} at its logical size and scales it to fit the space it is given,
 * keeping its proportions, so the same picture reads in the composer's side pane, in its own
 * window on a projector and in an exported PNG. Colours come from the theme's CSS.
 */
public final class DiagramView extends Region {
    private final Pane canvas = new Pane();
    private final Group group = new Group(canvas);
    private StackDiagram shown;

    public DiagramView() {
        getStyleClass().add("stack-diagram-view");
        canvas.getStyleClass().add("stack-diagram");
        canvas.setMinSize(StackDiagram.WIDTH, StackDiagram.HEIGHT);
        canvas.setPrefSize(StackDiagram.WIDTH, StackDiagram.HEIGHT);
        canvas.setMaxSize(StackDiagram.WIDTH, StackDiagram.HEIGHT);
        getChildren().add(group);
    }

    public void show(StackDiagram d) {
        shown = d;
        canvas.getChildren().clear();
        for (Box b : d.boxes()) canvas.getChildren().add(box(b));
        for (Arrow a : d.arrows()) canvas.getChildren().addAll(arrow(a));
    }

    public StackDiagram shown() {
        return shown;
    }

    /** The drawing at its logical size, unscaled (for snapshots). */
    Pane canvas() {
        return canvas;
    }

    @Override protected void layoutChildren() {
        double scale = Math.min(getWidth() / StackDiagram.WIDTH, getHeight() / StackDiagram.HEIGHT);
        if (!(scale > 0)) scale = 1;
        canvas.setScaleX(scale);
        canvas.setScaleY(scale);
        layoutInArea(group, 0, 0, getWidth(), getHeight(), 0, HPos.CENTER, VPos.CENTER);
    }

    @Override protected double computePrefWidth(double height) {
        return StackDiagram.WIDTH * 0.6;
    }

    @Override protected double computePrefHeight(double width) {
        return StackDiagram.HEIGHT * 0.6;
    }

    @Override protected double computeMinWidth(double height) {
        return 0;
    }

    @Override protected double computeMinHeight(double width) {
        return 0;
    }

    private static Node box(Box b) {
        Label heading = new Label(b.heading());
        heading.getStyleClass().add("diagram-heading");
        VBox text = new VBox(1, heading);
        if (!b.component().isEmpty()) {
            Label component = new Label(b.component());
            component.getStyleClass().add("diagram-component");
            component.setWrapText(true);
            text.getChildren().add(component);
        }
        if (!b.figure().isEmpty()) {
            Label figure = new Label(b.figure());
            figure.getStyleClass().add("diagram-figure");
            figure.setWrapText(true);
            text.getChildren().add(figure);
        }
        HBox box = new HBox(10, text);
        if (b.kind() != StackDiagram.Kind.PART) { // the parts of L1 are narrow: words only
            FontIcon icon = new FontIcon(b.iconKey());
            icon.getStyleClass().add("diagram-icon");
            box.getChildren().add(0, icon);
        }
        box.setAlignment(b.kind() == StackDiagram.Kind.CONTAINER ? Pos.TOP_LEFT : Pos.CENTER_LEFT);
        box.getStyleClass().addAll("diagram-box", "diagram-box-" + b.kind().name().toLowerCase());
        box.setId("diagram-" + b.id());
        box.relocate(b.x(), b.y());
        box.setMinSize(b.w(), b.h());
        box.setPrefSize(b.w(), b.h());
        box.setMaxSize(b.w(), b.h());
        return box;
    }

    private static Node[] arrow(Arrow a) {
        double[] xy = a.xy();
        Polyline line = new Polyline(xy);
        line.getStyleClass().add(a.dashed() ? "diagram-arrow-dashed" : "diagram-arrow");
        int n = xy.length;
        double dx = xy[n - 2] - xy[n - 4];
        double dy = xy[n - 1] - xy[n - 3];
        double len = Math.hypot(dx, dy);
        double ux = dx / len;
        double uy = dy / len;
        double tx = xy[n - 2];
        double ty = xy[n - 1];
        Polygon head = new Polygon(tx, ty, tx - 9 * ux - 5 * uy, ty - 9 * uy + 5 * ux, tx - 9 * ux + 5 * uy, ty - 9 * uy - 5 * ux);
        head.getStyleClass().add("diagram-arrow-head");
        if (a.label().isEmpty()) return new Node[] {line, head};
        Label label = new Label(a.label());
        label.getStyleClass().add("diagram-arrow-label");
        label.relocate(a.labelX(), a.labelY() - 9);
        return new Node[] {line, head, label};
    }
}
