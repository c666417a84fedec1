package dev.rollupstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad flags are refused up front, with the flag, its range and the value given; nothing runs first. */
class CliFlagsTest {

    private static String[] run(String... args) {
        return CliRun.run(args);
    }

    private static void refused(String expected, String... args) {
        String[] r = run(args);
        assertThat(r[0]).as(String.join(" ", args)).isEqualTo("2");
        assertThat(r[1]).as("nothing ran: " + String.join(" ", args)).isEmpty();
        assertThat(r[2]).as(String.join(" ", args)).isEqualTo("error: " + expected + "\n");
    }

    @Test
    void runRefusesEveryBadFlagBeforeItStarts(@TempDir Path dir) throws Exception {
        refused("--tps must be between 0 and 100,000 transactions per second, not Infinity", "run", "--db", "none", "--tps", "Infinity");
        refused("--tps must be between 0 and 100,000 transactions per second, not 100,000,000", "run", "--db", "none", "--tps", "1e8", "--duration", "1");
        refused("--tps must be between 0 and 100,000 transactions per second, not -5", "run", "--db", "none", "--tps", "-5");
        refused("--tps must be between 0 and 100,000 transactions per second, not NaN", "run", "--db", "none", "--tps", "NaN");
        refused("--seed must be at least 0, not -1", "run", "--db", "none", "--seed", "-1");
        refused("--blocks must be at least 1, not 0", "run", "--db", "none", "--blocks", "0");
        refused("--blocks must be at least 1, not -3", "run", "--db", "none", "--blocks", "-3");
        refused("--duration must be between 0.001 and 31,536,000 simulated seconds, not 0", "run", "--db", "none", "--duration", "0");
        refused("--duration must be between 0.001 and 31,536,000 simulated seconds, not -10", "run", "--db", "none", "--duration", "-10");
        Path missing = dir.resolve("no-such-folder").resolve("r.json");
        refused("--report: the folder " + missing.getParent().toAbsolutePath() + " does not exist; create it or choose another path",
                "run", "--db", "none", "--report", missing.toString());
    }

    @Test
    void specCommandsRefuseANegativeLoad(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.rollup.json");
        Files.writeString(f, run("spec", "show", "op-stack-blobs")[1]);
        refused("--tps must be a positive number transactions per second, not -5", "spec", "estimate", f.toString(), "--tps", "-5");
        refused("--tps must be a positive number transactions per second, not -5", "spec", "validate", f.toString(), "--tps", "-5");
        refused("--compression must be between 0.01 and 1 (compressed size over raw size), not 3", "spec", "estimate", f.toString(), "--compression", "3");
    }
}
