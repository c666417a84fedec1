package dev.rollupstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rollup-studio ephemeral}: five flash layers from a scenario file live at once under load,
 * each settles and dissolves; the report has rollups[] with their phases and figures, and the
 * value check holds to the wei for every token.
 */
class EphemeralCliTest {

    @Test void fiveRollupsAtOnceEachSettledAndTheValueConserved(@TempDir Path dir) throws Exception {
        StringBuilder rollups = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            rollups.append(i > 1 ? "," : "").append("{\"name\": \"flash-").append(i).append("\", \"atSeconds\": ").append(i)
                    .append(", \"load\": {\"mix\": \"").append(i % 2 == 0 ? "nft-mint" : "transfers").append("\", \"tps\": 10, \"forSeconds\": 40, \"maxTxs\": 300, \"senders\": 8}}");
        }
        Path file = dir.resolve("five.json");
        Files.writeString(file, """
                {"format": "rollup-studio/ephemeral-scenario", "version": 1, "name": "five at once", "parent": "op-stack-blobs",
                 "template": "ephemeral-nft-mint", "accounts": 8,
                 "params": {"lifecycle.lifetimeSeconds": 60, "lifecycle.provisioningSeconds": 2, "proofs.challengeWindowSeconds": 60},
                 "rollups": [%s]}""".formatted(rollups));
        Path report = dir.resolve("report.json");
        String[] r = CliRun.run("ephemeral", "--scenario", file.toString(), "--report", report.toString());
        assertThat(r[0]).as(r[1] + r[2]).isEqualTo("0");
        assertThat(r[1]).contains("flash-5").contains("valueConserved true").doesNotContain("NOT CONSERVED");

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("valueConserved").asBoolean()).isTrue();
        JsonNode list = json.get("rollups");
        assertThat(list).hasSize(5);
        List<double[]> active = new ArrayList<>();
        for (JsonNode m : list) {
            assertThat(m.get("phase").asText()).isEqualTo("dissolved");
            assertThat(m.get("id").asLong()).isBetween(7001L, 7005L);
            assertThat(m.get("txsServed").asLong()).isEqualTo(300); // 300 sent at 10 tx/s, every one served
            assertThat(m.get("peakTps").asDouble()).isPositive();
            assertThat(m.get("cost").get("raasAlt").asText()).isEqualTo("110");
            JsonNode phases = m.get("phases");
            assertThat(phases.fieldNames()).toIterable().containsExactly("requested", "provisioning", "active", "draining", "settling", "dissolved");
            assertThat(phases.get("provisioning").get("seconds").asDouble()).isEqualTo(2.0);
            assertThat(phases.get("active").get("seconds").asDouble()).isBetween(60.0, 60.5);
            active.add(new double[] {phases.get("active").get("at").asDouble(), phases.get("draining").get("at").asDouble()});
            JsonNode s = m.get("settlement");
            assertThat(s.get("valueConserved").asBoolean()).isTrue();
            assertThat(s.get("accountsCredited").asInt()).isGreaterThanOrEqualTo(8);
            assertThat(s.get("valueBeforeWei")).isEqualTo(s.get("valueAfterWei"));
        }
        // all five were live at once
        double lastStart = active.stream().mapToDouble(a -> a[0]).max().orElseThrow();
        assertThat(active).allSatisfy(a -> assertThat(a[1]).isGreaterThan(lastStart));
        for (String token : List.of("ETH", "ALT")) assertThat(json.get("value").get(token).get("conserved").asBoolean()).as(token).isTrue();
    }

    @Test void anUnknownScenarioSaysWhichThereAre() {
        String[] r = CliRun.run("ephemeral", "--scenario", "nope");
        assertThat(r[0]).isNotEqualTo("0");
        assertThat(r[2]).contains("no scenario 'nope': give one of nft-mint, tournament, token-launch, or a scenario file");
    }
}
