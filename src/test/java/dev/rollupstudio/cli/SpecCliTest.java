package dev.rollupstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.SpecJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec commands as a script uses them: output, exit codes, errors without stack traces. */
class SpecCliTest {

    private static String[] run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void validateExitsZeroWhenValidAndOneWithProblems(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.rollup.json");
        Files.writeString(good, run("spec", "show", "op-stack-blobs")[1]);
        assertThat(run("spec", "validate", good.toString())[0]).isEqualTo("0");
        Path bad = dir.resolve("bad.rollup.json");
        SpecJson.save(Presets.get("op-stack-blobs").withParam(Layer.EXECUTION, "blockTimeMs", 100L), bad);
        String[] r = run("spec", "validate", bad.toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1]).contains("error  $.layers.execution.params.blockTimeMs  OP Stack supports blocks of 1000 ms or more, not 100 ms; raise the block time");
    }

    @Test
    void aBrokenFileIsAnErrorLineNotAStackTrace(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.rollup.json");
        Files.writeString(f, "{\"format\":\"rollup-studio/stack\",\"version\":1,\"chainId\":7,\"layers\":{\"proofs\":{\"component\":\"fraud\"}}}");
        String[] r = run("spec", "validate", f.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("error: $.layers.proofs.component: unknown component 'fraud'").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void estimateAndRiskPrintTheDocumentedJson(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("op.rollup.json");
        SpecJson.save(Presets.get("op-stack-blobs"), f);
        JsonNode e = new ObjectMapper().readTree(run("spec", "estimate", f.toString(), "--tps", "200")[1]);
        assertThat(e.get("throughputCeilingTps").asDouble()).isEqualTo(714.3);
        assertThat(e.get("bindingLayer").asText()).isEqualTo("execution gas/s");
        var expected = dev.rollupstudio.spec.Estimator.estimate(Presets.get("op-stack-blobs"), dev.rollupstudio.spec.Workload.defaults().withTps(200),
                dev.rollupstudio.spec.Prices.defaults()).costPerTx();
        assertThat(e.at("/costPerTx/execution").asDouble()).isEqualTo(expected.execution());
        assertThat(e.at("/costPerTx/da").asDouble()).isEqualTo(expected.da());
        assertThat(e.at("/costPerTx/total").asDouble()).isEqualTo(expected.total())
                .isEqualTo(expected.execution() + expected.da() + expected.settlement());
        assertThat(e.at("/timeToFinality/softSeconds").asDouble()).isEqualTo(2.0);
        JsonNode risk = new ObjectMapper().readTree(run("spec", "risk", f.toString())[1]);
        assertThat(risk.at("/stateValidation/level").asText()).isEqualTo("good");
        assertThat(risk.get("stage").asText()).isEqualTo("1");
        Path out = dir.resolve("deploy-config.json");
        assertThat(run("spec", "export", f.toString(), "--target", "op-stack", "--out", out.toString())[0]).isEqualTo("0");
        assertThat(new ObjectMapper().readTree(out.toFile()).get("l2BlockTime").asInt()).isEqualTo(2);
        String[] wrong = run("spec", "export", f.toString(), "--target", "orbit");
        assertThat(wrong[0]).isEqualTo("2");
        assertThat(wrong[2]).contains("an Orbit chain config needs Arbitrum Orbit");
    }

    @Test
    void aRunOfACustomGasTokenReportsItsSymbol(@TempDir Path dir) throws Exception {
        dev.rollupstudio.spec.StackSpec spec = dev.rollupstudio.spec.Presets.defaultStack().with(dev.rollupstudio.spec.Layer.GAS_TOKEN,
                dev.rollupstudio.spec.Choice.of("erc20").with("symbol", "GAME").with("l1Address", "0x" + "ab".repeat(20)));
        Path f = dir.resolve("game.rollup.json");
        dev.rollupstudio.spec.SpecJson.save(spec, f);
        Path report = dir.resolve("report.json");
        String[] r = run("run", "--spec", f.toString(), "--blocks", "3", "--db", "none", "--report", report.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(new ObjectMapper().readTree(report.toFile()).get("gasToken").asText()).isEqualTo("GAME");
    }

    @Test
    void helpListsTheStudioOptionsToo() {
        String help = run("--help")[1];
        assertThat(help).contains("--smoke").contains("--ui-bench [seconds]").contains("<file.rollup.json>").contains("needs a display");
    }

    @Test
    void estimatesPrintPlainDecimalsInFullPrecision(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("op.rollup.json");
        SpecJson.save(Presets.get("op-stack-blobs"), f);
        String out = run("spec", "estimate", f.toString(), "--tps", "200")[1];
        assertThat(out).doesNotContainPattern("\\d[eE][-+]?\\d");
        double total = new ObjectMapper().readTree(out).at("/costPerTx/total").asDouble();
        var expected = dev.rollupstudio.spec.Estimator.estimate(Presets.get("op-stack-blobs"), dev.rollupstudio.spec.Workload.defaults().withTps(200),
                dev.rollupstudio.spec.Prices.defaults()).costPerTx().total();
        assertThat(total).isEqualTo(expected); // plain, yet it reads back to the same double
        String summary = SpecCommand.summary(dev.rollupstudio.spec.Estimator.estimate(Presets.get("op-stack-blobs"),
                dev.rollupstudio.spec.Workload.defaults().withTps(200), dev.rollupstudio.spec.Prices.defaults()), 200);
        assertThat(summary).contains("At 200 tx/s offered: ceiling 714.3 tx/s, bound by execution gas/s.")
                .containsPattern("Cost per transaction: \\$0\\.0*[1-9]\\d{0,2} \\(").contains("final after 7 days (")
                .doesNotContainPattern("\\d[eE][-+]?\\d");
    }
}
