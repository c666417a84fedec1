package dev.rollupstudio.cli;

import dev.rollupstudio.app.EphemeralScenario;
import dev.rollupstudio.app.ScenarioReport;
import dev.rollupstudio.app.ScenarioRun;
import dev.rollupstudio.sim.Pace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ephemeral", mixinStandardHelpOptions = true,
        description = "Run a scenario of ephemeral rollups headless: each is spawned, loaded, drained, settled on L1 and dissolved; prints what each did and the value check.")
final class EphemeralCommand implements Callable<Integer> {
    @Option(names = "--scenario", required = true, description = "a built-in scenario (nft-mint, tournament, token-launch) or a scenario file")
    String scenario;
    @Option(names = "--speed", defaultValue = "max", description = "'max' or a factor from 0.1 to 100 (1 = real time)")
    String speed;
    @Option(names = "--report", description = "write the JSON report here")
    Path report;

    @Override public Integer call() throws Exception {
        EphemeralScenario sc = EphemeralScenario.load(scenario);
        if (report != null) Flags.writable("--report", report);
        long start = System.nanoTime();
        System.out.println("scenario      " + sc.name() + ": " + sc.rollups().size() + " planned rollup(s)" + (sc.overflow() != null ? " and an overflow rule" : ""));
        try (ScenarioRun run = new ScenarioRun(sc, Pace.parse(speed))) {
            run.ephemerals().onChange(c -> System.out.printf("%9.1f s  %s%n", (c.atMillis() - run.startMillis()) / 1000.0, c));
            run.run();
            Map<String, Object> r = ScenarioReport.of(run, (System.nanoTime() - start) / 1e9);
            System.out.print(summary(r));
            if (report != null) {
                RunReport.write(r, report);
                System.out.println("report        " + report.toAbsolutePath());
            }
            return Boolean.TRUE.equals(r.get("valueConserved")) ? 0 : 1;
        }
    }

    @SuppressWarnings("unchecked")
    static String summary(Map<String, Object> r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%n%-10s %6s %-10s %9s %8s %10s %9s %9s %9s%n", "rollup", "chain", "phase", "txs", "peak/s", "DA bytes", "fee ALT", "active s", "settle s"));
        for (Map<String, Object> m : (List<Map<String, Object>>) r.get("rollups")) {
            Map<String, Object> phases = (Map<String, Object>) m.get("phases");
            b.append(String.format("%-10s %6s %-10s %9s %8s %10s %9s %9s %9s%n", m.get("name"), m.get("id"), m.get("phase"), m.get("txsServed"), m.get("peakTps"),
                    m.get("daBytes"), ((Map<String, Object>) m.get("cost")).get("raasAlt"), seconds(phases, "active"), seconds(phases, "settling")));
            if (m.get("failure") != null) b.append("           failed: ").append(m.get("failure")).append('\n');
        }
        Map<String, Object> value = (Map<String, Object>) r.get("value");
        value.forEach((token, v) -> {
            Map<String, Object> t = (Map<String, Object>) v;
            b.append(String.format("value %-4s   start %s + minted %s - burnt on L1 %s = end %s: %s%n", token, t.get("startWei"), t.get("mintedAtRegistrationWei"),
                    t.get("burntOnL1Wei"), t.get("endWei"), Boolean.TRUE.equals(t.get("conserved")) ? "conserved to the wei" : "NOT CONSERVED"));
        });
        b.append(String.format("valueConserved %s; %.0f sim s in %.1f wall s%n", r.get("valueConserved"), r.get("simSeconds"), r.get("wallSeconds")));
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static String seconds(Map<String, Object> phases, String phase) {
        Map<String, Object> p = (Map<String, Object>) phases.get(phase);
        return p == null ? "-" : String.format("%.0f", ((Number) p.get("seconds")).doubleValue());
    }
}
