package dev.rollupstudio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollupstudio.ephemeral.Phase;
import dev.rollupstudio.sim.Pace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scenario files: the built-in ones read, bad ones say where and what, and the overflow rule moves the parent's load to the rollup it spawns. */
class EphemeralScenarioTest {

    static String scenario(String extra, String rollups) {
        return """
                {"format": "rollup-studio/ephemeral-scenario", "version": 1, "name": "test", "parent": "op-stack-blobs", "template": "ephemeral-nft-mint",
                 "params": {"lifecycle.lifetimeSeconds": 60, "lifecycle.provisioningSeconds": 0, "proofs.challengeWindowSeconds": 60}, "accounts": 12 %s,
                 "rollups": [%s]}""".formatted(extra, rollups);
    }

    @Test void builtInScenariosReadAndPlanWhatTheirDescriptionsSay() {
        for (String id : EphemeralScenario.BUILT_IN) assertThat(EphemeralScenario.load(id).rollups()).as(id).isNotEmpty();
        EphemeralScenario nft = EphemeralScenario.load("nft-mint");
        assertThat(nft.rollups()).hasSize(5);
        assertThat(nft.rollups().stream().mapToLong(p -> p.load().maxTxs()).sum()).isEqualTo(10_000);
        assertThat(nft.rollups()).allSatisfy(p -> assertThat(p.load().mix().nftMints()).isEqualTo(1.0));
        EphemeralScenario.Traffic claims = EphemeralScenario.load("token-launch").rollups().get(0).load();
        assertThat(claims.rate(0)).isEqualTo(60.0);
        assertThat(claims.rate(90_000)).isEqualTo(30.0); // halves every 90 s
        assertThat(claims.rate(480_000)).isZero();
        EphemeralScenario.Traffic rounds = EphemeralScenario.load("tournament").rollups().get(0).load();
        assertThat(rounds.rate(10_000)).isEqualTo(40.0);
        assertThat(rounds.rate(30_000)).isEqualTo(10.0);
    }

    @Test void badScenariosNameThePathAndWhatIsWrong() {
        String one = "{\"name\": \"a\", \"load\": {\"tps\": 5}}";
        assertThatThrownBy(() -> EphemeralScenario.parse(scenario(", \"colour\": 1", one), "f.json", null))
                .hasMessageContaining("scenario f.json: $.colour: is not a field here");
        assertThatThrownBy(() -> EphemeralScenario.parse(scenario("", "{\"name\": \"a\", \"load\": {\"mix\": \"swaps\", \"tps\": 5}}"), "f.json", null))
                .hasMessageContaining("$.rollups[0].load.mix: is 'swaps'; choose transfers, token-transfers, nft-mint or mixed");
        assertThatThrownBy(() -> EphemeralScenario.parse(scenario("", "{\"name\": \"a\", \"load\": {\"tps\": -1}}"), "f.json", null))
                .hasMessageContaining("$.rollups[0].load.tps: must be a number from 0");
        assertThatThrownBy(() -> EphemeralScenario.parse(scenario("", ""), "f.json", null)).hasMessageContaining("$.rollups: lists the rollups to spawn");
        assertThatThrownBy(() -> EphemeralScenario.parse(scenario("", one).replace("\"lifecycle.lifetimeSeconds\"", "\"lifecycle.lifespan\""), "f.json", null))
                .hasMessageContaining("$.params.lifecycle.lifespan: Ephemeral (flash layer) has no parameter lifespan; it has lifetimeSeconds");
        assertThatThrownBy(() -> EphemeralScenario.parse(scenario("", one).replace("\"ephemeral-nft-mint\"", "\"based-zk\""), "f.json", null))
                .hasMessageContaining("$.template: must have the Ephemeral lifecycle");
        assertThatThrownBy(() -> EphemeralScenario.parse("{\"format\": ", "f.json", null)).hasMessageStartingWith("scenario f.json: $:");
        assertThatThrownBy(() -> EphemeralScenario.load("no-such")).hasMessageContaining("give one of nft-mint, tournament, token-launch, or a scenario file");
        // a template the validator refuses fails before anything runs
        EphemeralScenario tooShort = EphemeralScenario.parse(scenario("", one).replace("\"proofs.challengeWindowSeconds\": 60", "\"proofs.challengeWindowSeconds\": 600"), "f.json", null);
        assertThatThrownBy(() -> new ScenarioRun(tooShort, Pace.MAX)).hasMessageContaining("cannot settle on time");
    }

    @Test @SuppressWarnings("unchecked")
    void anOverloadedParentSpawnsAnOverflowRollupAndItsLoadMovesThere() {
        EphemeralScenario sc = EphemeralScenario.parse(scenario("""
                , "parentLoad": {"mix": "transfers", "tps": 40, "forSeconds": 60, "senders": 6},
                "overflow": {"tpsAbove": 30, "forSeconds": 4, "lifetimeSeconds": 60}""",
                "{\"name\": \"planned\", \"atSeconds\": 0, \"load\": {\"tps\": 5, \"forSeconds\": 50, \"senders\": 6}}"), "overflow.json", null);
        try (ScenarioRun run = new ScenarioRun(sc, Pace.MAX)) {
            long[] parentTxsAtSpawn = {-1};
            run.ephemerals().onChange(c -> {
                if (c.name().equals("overflow") && c.to() == Phase.ACTIVE) parentTxsAtSpawn[0] = run.host().runtime().node().chain().totals().txCount();
            });
            run.run();
            Map<String, Object> r = ScenarioReport.of(run, 0);
            List<Map<String, Object>> rollups = (List<Map<String, Object>>) r.get("rollups");
            assertThat(rollups).extracting(m -> m.get("name")).containsExactlyInAnyOrder("planned", "overflow");
            Map<String, Object> overflow = rollups.stream().filter(m -> m.get("name").equals("overflow")).findFirst().orElseThrow();
            assertThat((String) overflow.get("trigger")).startsWith("load: ").contains("tx/s for 4 s");
            assertThat(overflow.get("phase")).isEqualTo("dissolved");
            assertThat((Long) overflow.get("txsServed")).isGreaterThan(500);
            // while the overflow rollup lived the parent got none of the load
            long parentAfter = run.host().runtime().node().chain().totals().txCount();
            assertThat(parentAfter - parentTxsAtSpawn[0]).isLessThan(100);
            assertThat(r.get("valueConserved")).isEqualTo(true);
        }
    }
}
