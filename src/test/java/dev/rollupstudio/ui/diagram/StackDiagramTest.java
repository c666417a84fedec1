package dev.rollupstudio.ui.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.spec.Choice;
import dev.rollupstudio.spec.Estimator;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.spec.Workload;
import dev.rollupstudio.ui.diagram.StackDiagram.Box;
import dev.rollupstudio.ui.diagram.StackDiagram.Kind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stack diagram follows the composed stack: the components it names, the figures, the operators beside what they watch. */
class StackDiagramTest {

    private static StackDiagram of(StackSpec s) {
        return StackDiagram.of(s, Estimator.estimate(s, Workload.defaults(), Prices.defaults()), 100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"op-stack-blobs", "orbit-celestia", "zk-eigenda-mach", "ephemeral-nft-mint", "sovereign-devnet", "based-zk", "vital"})
    void everyBoxLiesOnTheCanvasWithoutOverlappingAnother(String preset) {
        StackSpec spec = preset.equals("vital") ? Presets.get("op-stack-blobs").with(Layer.SECURITY, Choice.of("vital")) : Presets.get(preset);
        StackDiagram d = of(spec);
        for (Box b : d.boxes()) {
            assertThat(b.x()).isGreaterThanOrEqualTo(0);
            assertThat(b.right()).as(b.id()).isLessThanOrEqualTo(StackDiagram.WIDTH);
            assertThat(b.bottom()).as(b.id()).isLessThanOrEqualTo(StackDiagram.HEIGHT);
        }
        List<Box> solid = d.boxes().stream().filter(b -> b.kind() != Kind.PART).toList();
        for (Box a : solid) {
            for (Box b : solid) {
                if (a == b) continue;
                boolean apart = a.right() <= b.x() || b.right() <= a.x() || a.bottom() <= b.y() || b.bottom() <= a.y();
                assertThat(apart).as("%s overlaps %s", a.id(), b.id()).isTrue();
            }
        }
        // the parts of L1 sit inside it
        Box l1 = d.box("l1");
        for (String part : List.of("inbox", "oracle", "bridge")) {
            Box p = d.box(part);
            assertThat(p.x() >= l1.x() && p.right() <= l1.right() && p.y() >= l1.y() && p.bottom() <= l1.bottom()).as(part).isTrue();
        }
    }

    @Test
    void theDefaultStackNamesItsComponentsAndKeyFigures() {
        StackDiagram d = of(Presets.get("op-stack-blobs"));
        assertThat(d.box("execution").component()).isEqualTo("OP Stack");
        assertThat(d.box("execution").heading()).isEqualTo("L2 execution · up to 714 tx/s");
        assertThat(d.box("execution").figure()).isEqualTo("Block time 2,000 ms · Gas limit 30M gas");
        assertThat(d.box("da").component()).isEqualTo("Ethereum blobs");
        assertThat(d.box("inbox").figure()).isEqualTo("batch data");
        assertThat(d.box("proofs").figure()).contains("Challenge window 7 d 0 h");
        assertThat(d.box("operators").kind()).isEqualTo(Kind.NOTE);
        assertThat(d.box("finality").figure()).isEqualTo("soft 2 s\nsafe 1 min 8 s\nfinal 7 d 0 h");
        assertThat(d.arrows()).noneMatch(StackDiagram.Arrow::dashed);
    }

    @Test
    void anEditShowsAtOnce() {
        StackSpec celestia = Presets.get("op-stack-blobs").with(Layer.DATA_AVAILABILITY, Choice.of("celestia"));
        StackDiagram d = of(celestia);
        assertThat(d.box("da").component()).isEqualTo("Celestia");
        assertThat(d.box("inbox").figure()).isEqualTo("commitments");
        StackSpec empty = celestia.with(Layer.PROOFS, null);
        assertThat(StackDiagram.of(empty, null, 100).box("proofs").kind()).isEqualTo(Kind.MISSING);
    }

    @Test
    void machOperatorsStandBesideTheBlocksTheyAttest() {
        StackDiagram d = of(Presets.get("zk-eigenda-mach"));
        Box ops = d.box("operators");
        assertThat(ops.kind()).isEqualTo(Kind.OPERATORS);
        assertThat(ops.component()).isEqualTo("MACH fast finality");
        assertThat(ops.figure()).matches("\\d+ operators · \\d+% quorum\nattest each block");
        assertThat(ops.y()).isEqualTo(d.box("execution").y());
        assertThat(d.arrows()).filteredOn(StackDiagram.Arrow::dashed).singleElement()
                .satisfies(a -> assertThat(a.xy()[3]).isBetween(d.box("execution").y(), d.box("execution").bottom()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"op-stack-blobs", "orbit-celestia", "zk-eigenda-mach"})
    void theSvgIsWellFormedAndCarriesEveryWord(String preset) throws Exception {
        StackDiagram d = of(Presets.get(preset).withName("Fish & <chips>"));
        String svg = DiagramSvg.write(d, DiagramSvg.Palette.LIGHT, key -> "data:image/png;base64,AA==");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(d.boxes().size() + 1); // and the background
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(d.arrows().size());
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).startsWith("Fish & <chips>");
        String text = doc.getDocumentElement().getTextContent().replaceAll("\\s+", " ");
        for (Box b : d.boxes()) {
            assertThat(text).contains(b.heading());
            if (!b.component().isEmpty()) assertThat(text).contains(b.component().split(" ")[0]);
        }
        // no icon on the narrow parts of L1, one on every other box
        assertThat(doc.getElementsByTagName("image").getLength()).isEqualTo(d.boxes().stream().filter(b -> b.kind() != Kind.PART).count());
    }

    @Test
    void longWordsWrapAtSpacesToTheBoxWidth() {
        assertThat(DiagramSvg.wrap("Forced inclusion via L1 yes", 120, 13)).containsExactly("Forced inclusion", "via L1 yes");
        assertThat(DiagramSvg.wrap("", 110, 13)).isEmpty();
    }
}
