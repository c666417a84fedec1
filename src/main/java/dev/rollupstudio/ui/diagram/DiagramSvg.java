package dev.rollupstudio.ui.diagram;

import dev.rollupstudio.ui.diagram.StackDiagram.Arrow;
import dev.rollupstudio.ui.diagram.StackDiagram.Box;
import dev.rollupstudio.ui.diagram.StackDiagram.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Writes a {@link StackDiagram} as a standalone SVG for slides: the same boxes, arrows and
 * words as on screen, in the light or dark theme's colours. SVG has no text wrapping, so long
 * lines are broken at spaces by an estimate of glyph widths (about 0.56 em for a sans font).
 */
public final class DiagramSvg {
    /** The colours of a theme (GitHub Primer's, as the studio's AtlantaFX themes use). */
    public record Palette(String background, String box, String border, String text, String muted, String accent, String container,
                          String operators, String operatorsFill, String missing) {
        public static final Palette LIGHT = new Palette("#ffffff", "#f6f8fa", "#d0d7de", "#1f2328", "#59636e", "#0969da", "#ddf4ff",
                "#1a7f37", "#dafbe1", "#cf222e");
        public static final Palette DARK = new Palette("#0d1117", "#161b22", "#30363d", "#e6edf3", "#8d96a0", "#4493f8", "#121d2f",
                "#238636", "#12261e", "#f85149");
    }

    private DiagramSvg() {}

    /** The SVG document (xlink:href, which older renderers such as librsvg and ImageMagick still need); {@code icons} gives an image URI for an icon key (a PNG data URI), or null to leave icons out. */
    public static String write(StackDiagram d, Palette p, Function<String, String> icons) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                + "font-family=\"Inter, 'Segoe UI', 'Helvetica Neue', Arial, sans-serif\">%n",
                StackDiagram.WIDTH, StackDiagram.HEIGHT, StackDiagram.WIDTH, StackDiagram.HEIGHT));
        s.append("<title>").append(esc(d.title())).append(" — stack diagram</title>\n");
        s.append(String.format(Locale.ROOT, "<defs><marker id=\"head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" "
                + "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"%s\"/></marker></defs>%n", p.muted()));
        s.append(String.format(Locale.ROOT, "<rect width=\"100%%\" height=\"100%%\" fill=\"%s\"/>%n", p.background()));
        for (Box b : d.boxes()) box(s, b, p, icons);
        for (Arrow a : d.arrows()) arrow(s, a, p);
        return s.append("</svg>\n").toString();
    }

    private static void box(StringBuilder s, Box b, Palette p, Function<String, String> icons) {
        String fill = switch (b.kind()) {
            case CONTAINER -> p.container();
            case PART -> p.background();
            case OPERATORS -> p.operatorsFill();
            default -> p.box();
        };
        String stroke = switch (b.kind()) {
            case CONTAINER -> p.accent();
            case OPERATORS -> p.operators();
            case MISSING -> p.missing();
            default -> p.border();
        };
        String dash = b.kind() == Kind.NOTE || b.kind() == Kind.MISSING ? " stroke-dasharray=\"5 4\"" : "";
        s.append(String.format(Locale.ROOT, "<g id=\"%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"8\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"%s/>%n",
                b.id(), b.x(), b.y(), b.w(), b.h(), fill, stroke, b.kind() == Kind.OPERATORS ? "2" : "1", dash));
        boolean icon = b.kind() != Kind.PART; // the parts of L1 are narrow: words only, as on screen
        double textX = b.x() + (icon ? 40 : 10);
        double width = b.x() + b.w() - textX - 8;
        List<String[]> lines = new ArrayList<>(); // {text, size, weight, colour}
        lines.add(new String[] {b.heading(), icon ? "15" : "14", "bold", p.text()});
        for (String l : wrap(b.component(), width, 14)) lines.add(new String[] {l, "14", "normal", p.text()});
        for (String part : b.figure().split("\n")) for (String l : wrap(part, width, 13)) lines.add(new String[] {l, "13", "normal", p.muted()});
        double height = lines.stream().mapToDouble(l -> Double.parseDouble(l[1]) * 1.3).sum();
        double y = b.kind() == Kind.CONTAINER ? b.y() + 10 : b.y() + (b.h() - height) / 2;
        String href = icons == null || !icon ? null : icons.apply(b.iconKey());
        if (href != null) {
            s.append(String.format(Locale.ROOT, "<image x=\"%.1f\" y=\"%.1f\" width=\"20\" height=\"20\" xlink:href=\"%s\"/>%n", b.x() + 12,
                    b.kind() == Kind.CONTAINER ? y : b.y() + b.h() / 2 - 10, href));
        }
        for (String[] l : lines) {
            double size = Double.parseDouble(l[1]);
            y += size * 1.3;
            if (l[0].isEmpty()) continue;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%s\" font-weight=\"%s\" fill=\"%s\">%s</text>%n",
                    textX, y - size * 0.3, l[1], l[2], l[3], esc(l[0])));
        }
        s.append("</g>\n");
    }

    private static void arrow(StringBuilder s, Arrow a, Palette p) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < a.xy().length; i += 2) points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", a.xy()[i], a.xy()[i + 1]));
        s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\"%s marker-end=\"url(#head)\"/>%n",
                points, p.muted(), a.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
        if (a.label().isEmpty()) return;
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"%s\">%s</text>%n", a.labelX(), a.labelY() + 4, p.muted(), esc(a.label())));
    }

    /** Breaks {@code text} at spaces into lines that fit {@code width} at {@code size} px. */
    static List<String> wrap(String text, double width, double size) {
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) return out;
        int max = Math.max(8, (int) (width / (size * 0.56)));
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > max) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        out.add(line.toString());
        return out;
    }

    private static String esc(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
