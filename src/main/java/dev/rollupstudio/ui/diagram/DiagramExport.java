package dev.rollupstudio.ui.diagram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.kordamp.ikonli.javafx.FontIcon;

/** Writes a stack diagram as SVG or PNG for slides, in the theme the studio shows (FX thread). */
public final class DiagramExport {
    private DiagramExport() {}

    /** Whether the studio shows its dark theme now. */
    public static boolean dark() {
        String ua = Application.getUserAgentStylesheet();
        return ua != null && ua.contains("dark");
    }

    /** The SVG, with each component's icon embedded as a small PNG. */
    public static void svg(StackDiagram d, Path file) throws IOException {
        DiagramSvg.Palette p = dark() ? DiagramSvg.Palette.DARK : DiagramSvg.Palette.LIGHT;
        Map<String, String> icons = new HashMap<>();
        String svg = DiagramSvg.write(d, p, key -> icons.computeIfAbsent(key, k -> iconUri(k, p.accent())));
        Files.writeString(file, svg);
    }

    /** The PNG at {@code scale} times the diagram's logical size (2 gives 1360 x 1400, sharp on a projector). */
    public static void png(StackDiagram d, Path file, double scale, List<String> stylesheets) throws IOException {
        DiagramView view = new DiagramView();
        view.show(d);
        view.setPrefSize(StackDiagram.WIDTH, StackDiagram.HEIGHT); // drawn at scale 1: the snapshot keeps the node's own scale
        Scene scene = new Scene(new Group(view), StackDiagram.WIDTH, StackDiagram.HEIGHT);
        scene.getStylesheets().setAll(stylesheets);
        view.applyCss();
        view.layout();
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        WritableImage image = view.canvas().snapshot(params, null);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }

    private static String iconUri(String key, String colour) {
        FontIcon icon = new FontIcon(key);
        icon.setIconSize(40);
        icon.setIconColor(Color.web(colour));
        new Scene(new Group(icon));
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        WritableImage image = icon.snapshot(params, null);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
