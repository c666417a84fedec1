package dev.rollupstudio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rollupstudio.spec.Estimate;
import dev.rollupstudio.spec.Estimator;
import dev.rollupstudio.spec.Exporter;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.Problem;
import dev.rollupstudio.spec.RiskView;
import dev.rollupstudio.spec.Risk;
import dev.rollupstudio.spec.SpecJson;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.spec.Validator;
import dev.rollupstudio.spec.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "spec", mixinStandardHelpOptions = true, description = "Stack specs (*.rollup.json): presets, validation, estimates, risk, export.",
        subcommands = {SpecCommand.PresetsCmd.class, SpecCommand.Show.class, SpecCommand.Validate.class, SpecCommand.EstimateCmd.class,
                SpecCommand.RiskCmd.class, SpecCommand.Export.class})
final class SpecCommand implements Runnable {
    /** Numbers in full precision but never in exponent notation: 0.00012600000000000003, not 1.2600000000000003E-4. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule().addSerializer(Double.class, new PlainDouble()));

    private static final class PlainDouble extends com.fasterxml.jackson.databind.ser.std.StdSerializer<Double> {
        PlainDouble() {
            super(Double.class);
        }

        @Override public void serialize(Double v, com.fasterxml.jackson.core.JsonGenerator g, com.fasterxml.jackson.databind.SerializerProvider p)
                throws java.io.IOException {
            if (v.isNaN() || v.isInfinite()) g.writeNumber(v);
            else g.writeNumber(new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString());
        }
    }

    @Override public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static void print(Object o) throws Exception {
        System.out.println(JSON.writeValueAsString(o));
    }

    @Command(name = "presets", mixinStandardHelpOptions = true, description = "List the preset ids.")
    static final class PresetsCmd implements Callable<Integer> {
        @Override public Integer call() {
            for (String id : Presets.ids()) System.out.printf("%-20s %s%n", id, Presets.get(id).name());
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a preset's spec JSON.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "<preset-id>") String id;

        @Override public Integer call() {
            System.out.print(SpecJson.write(Presets.get(id)));
            return 0;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true, description = "Print each problem (severity, JSON path, message); exit 0 when valid, 1 when not.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "<file>") Path file;
        @Option(names = "--tps", description = "also check that the layers carry this load") Double tps;

        @Override public Integer call() {
            if (tps != null) Flags.positive("--tps", tps, " transactions per second");
            StackSpec spec = SpecJson.load(file);
            List<Problem> problems = Validator.validate(spec, tps == null ? null : Workload.defaults().withTps(tps));
            for (Problem p : problems) System.out.println(p);
            if (problems.isEmpty()) System.out.println("valid: " + spec.name());
            return Validator.hasErrors(problems) ? 1 : 0;
        }
    }

    @Command(name = "estimate", mixinStandardHelpOptions = true, description = "Throughput ceiling, cost per transaction (USD) and time to finality, as JSON.")
    static final class EstimateCmd implements Callable<Integer> {
        @Parameters(paramLabel = "<file>") Path file;
        @Option(names = "--tps", defaultValue = "100") double tps;
        @Option(names = "--tx-bytes", defaultValue = "112") double txBytes;
        @Option(names = "--compression", defaultValue = "0.6") double compression;
        @Option(names = "--eth-usd", defaultValue = "3000") double ethUsd;
        @Option(names = "--alt-usd", defaultValue = "0.03") double altUsd;
        @Option(names = "--tia-usd", defaultValue = "2.0") double tiaUsd;
        @Option(names = "--l1-base-fee-gwei", defaultValue = "1.0") double l1BaseFee;
        @Option(names = "--blob-base-fee-gwei", defaultValue = "0.000000001") double blobFee;

        @Override public Integer call() throws Exception {
            Flags.positive("--tps", tps, " transactions per second");
            Flags.positive("--tx-bytes", txBytes, " bytes");
            Flags.range("--compression", compression, 0.01, 1, " (compressed size over raw size)");
            Flags.positive("--eth-usd", ethUsd, " USD");
            Flags.positive("--alt-usd", altUsd, " USD");
            Flags.positive("--tia-usd", tiaUsd, " USD");
            Flags.range("--l1-base-fee-gwei", l1BaseFee, 0, 1e6, " gwei");
            Flags.range("--blob-base-fee-gwei", blobFee, 0, 1e6, " gwei");
            StackSpec spec = SpecJson.load(file);
            List<Problem> problems = Validator.validate(spec);
            if (Validator.hasErrors(problems)) throw new IllegalArgumentException("the stack has errors: " + problems.get(0));
            Workload w = new Workload(tps, txBytes, compression, 21_000);
            Prices p = new Prices(ethUsd, altUsd, tiaUsd, l1BaseFee, blobFee, 0.001, 0.001);
            Estimate e = Estimator.estimate(spec, w, p);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("throughputCeilingTps", Math.round(e.throughputCeilingTps() * 10) / 10.0);
            out.put("bindingLayer", e.bindingLayer());
            out.put("costPerTx", ordered("execution", e.costPerTx().execution(), "da", e.costPerTx().da(), "settlement", e.costPerTx().settlement(),
                    "total", e.costPerTx().total()));
            out.put("timeToFinality", ordered("softSeconds", e.timeToFinality().softSeconds(), "safeSeconds", e.timeToFinality().safeSeconds(),
                    "finalSeconds", e.timeToFinality().finalSeconds(), "finalBy", e.timeToFinality().finalBy()));
            print(out);
            if (System.console() != null) System.out.print(summary(e, tps)); // a person reading, not a script parsing
            return 0;
        }
    }

    /** The estimate in sentences, amounts to three significant figures. */
    static String summary(Estimate e, double tps) {
        Estimate.Cost c = e.costPerTx();
        Estimate.Finality f = e.timeToFinality();
        return String.format("""

                At %s tx/s offered: ceiling %s tx/s, bound by %s.
                Cost per transaction: $%s (execution $%s, DA $%s, settlement $%s).
                Finality: soft after %s, safe after %s, final after %s (%s).
                """, plain(tps), plain(e.throughputCeilingTps()), e.bindingLayer(), usd(c.total()), usd(c.execution()), usd(c.da()),
                usd(c.settlement()), duration(f.softSeconds()), duration(f.safeSeconds()), duration(f.finalSeconds()), f.finalBy());
    }

    private static String usd(double v) {
        return v == 0 ? "0" : new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String duration(double seconds) {
        if (seconds >= 86_400) return plain(seconds / 86_400) + " days";
        if (seconds >= 3_600) return plain(seconds / 3_600) + " h";
        if (seconds >= 120) return plain(seconds / 60) + " min";
        return plain(seconds) + " s";
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(Math.round(v * 10) / 10.0).stripTrailingZeros().toPlainString();
    }

    @Command(name = "risk", mixinStandardHelpOptions = true, description = "The five L2BEAT risk columns and the stage, as JSON.")
    static final class RiskCmd implements Callable<Integer> {
        @Parameters(paramLabel = "<file>") Path file;

        @Override public Integer call() throws Exception {
            RiskView r = Risk.assess(SpecJson.load(file));
            Map<String, Object> out = new LinkedHashMap<>();
            String[] keys = {"stateValidation", "dataAvailability", "exitWindow", "sequencerFailure", "proposerFailure"};
            List<RiskView.Column> cols = r.columns();
            for (int i = 0; i < keys.length; i++) {
                RiskView.Column c = cols.get(i);
                out.put(keys[i], ordered("level", c.level().name().toLowerCase(), "value", c.value(), "reason", c.reason()));
            }
            out.put("stage", r.stage());
            out.put("stageReason", r.stageReason());
            print(out);
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write an OP Stack deploy config or an Arbitrum Orbit chain config.")
    static final class Export implements Callable<Integer> {
        @Parameters(paramLabel = "<file>") Path file;
        @Option(names = "--target", required = true, description = "op-stack or orbit") String target;
        @Option(names = "--out", description = "write here instead of printing") Path out;

        @Override public Integer call() throws Exception {
            String text = Exporter.export(SpecJson.load(file), target);
            if (out == null) System.out.print(text);
            else {
                Files.writeString(out, text);
                System.out.println("wrote " + out.toAbsolutePath());
            }
            return 0;
        }
    }
}
