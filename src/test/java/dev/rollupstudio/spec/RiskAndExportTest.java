package dev.rollupstudio.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollupstudio.spec.component.OptimisticProofs;
import dev.rollupstudio.spec.component.SingleSequencer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollupstudio.spec.RiskView.Level;
import org.junit.jupiter.api.Test;

class RiskAndExportTest {

    @Test
    void opStackWithACouncilAndFourteenDayDelayIsStageOne() {
        RiskView r = Risk.assess(Presets.get("op-stack-blobs"));
        assertThat(r.columns()).extracting(RiskView.Column::level)
                .containsExactly(Level.GOOD, Level.GOOD, Level.WARNING, Level.GOOD, Level.GOOD);
        assertThat(r.exitWindow().value()).isEqualTo("7 d");
        assertThat(r.stage()).isEqualTo("1");
    }

    @Test
    void basedZkWithAMonthToExitIsStageTwo() {
        RiskView r = Risk.assess(Presets.get("based-zk"));
        assertThat(r.stateValidation().level()).isEqualTo(Level.GOOD);
        assertThat(r.exitWindow().level()).isEqualTo(Level.GOOD);
        assertThat(r.stage()).isEqualTo("2");
    }

    @Test
    void externalDataIsNotARollup() {
        RiskView r = Risk.assess(Presets.get("orbit-celestia"));
        assertThat(r.dataAvailability().level()).isEqualTo(Level.BAD);
        assertThat(r.stateValidation().level()).isEqualTo(Level.BAD); // 3 whitelisted challengers, under 5
        assertThat(r.proposerFailure().level()).isEqualTo(Level.BAD);
        assertThat(r.stage()).isEqualTo("not a rollup");
    }

    @Test
    void whitelistOfFiveIsAWarningAndNoProofsIsBad() {
        StackSpec five = Presets.get("op-stack-blobs").with(Layer.PROOFS, Choice.of(OptimisticProofs.ID).with("permissionless", false).with("whitelistedChallengers", 5L));
        assertThat(Risk.assess(five).stateValidation().level()).isEqualTo(Level.WARNING);
        assertThat(Risk.assess(five).proposerFailure().level()).isEqualTo(Level.WARNING); // council can replace the proposer
        RiskView none = Risk.assess(Presets.get("sovereign-devnet"));
        assertThat(none.stateValidation().level()).isEqualTo(Level.BAD);
        assertThat(none.exitWindow().value()).isEqualTo("None");
        assertThat(none.sequencerFailure().level()).isEqualTo(Level.GOOD);
        StackSpec noForce = Presets.get("sovereign-devnet").with(Layer.SEQUENCING, Choice.of(SingleSequencer.ID).with("forcedInclusion", false));
        assertThat(Risk.assess(noForce).sequencerFailure().level()).isEqualTo(Level.BAD);
    }

    @Test
    void opStackExportCarriesTheDeployConfigFields() throws Exception {
        JsonNode n = new ObjectMapper().readTree(Exporter.export(Presets.get("op-stack-blobs"), "op-stack"));
        assertThat(n.get("l2ChainID").asLong()).isEqualTo(901);
        assertThat(n.get("l2BlockTime").asLong()).isEqualTo(2);
        assertThat(n.get("finalizationPeriodSeconds").asLong()).isEqualTo(604_800);
        assertThat(n.get("l2GenesisBlockGasLimit").asText()).isEqualTo("0x1c9c380");
        assertThat(n.get("eip1559Denominator").asLong()).isEqualTo(50);
        assertThat(n.get("eip1559Elasticity").asLong()).isEqualTo(6);
        assertThat(n.get("gasPriceOracleBaseFeeScalar").asLong()).isEqualTo(1368);
        assertThat(n.get("gasPriceOracleBlobBaseFeeScalar").asLong()).isEqualTo(810_949);
        assertThat(n.get("faultGameMaxClockDuration").asLong()).isEqualTo(302_400);
        assertThat(n.get("useAltDA").asBoolean()).isFalse();
    }

    @Test
    void orbitExportCarriesTheChainConfig() throws Exception {
        JsonNode n = new ObjectMapper().readTree(Exporter.export(Presets.get("orbit-celestia"), "orbit"));
        assertThat(n.get("chainId").asLong()).isEqualTo(902);
        assertThat(n.at("/chainConfig/arbitrum/DataAvailabilityCommittee").asBoolean()).isTrue();
        assertThat(n.get("confirmPeriodBlocks").asLong()).isEqualTo(45_818);
        assertThat(n.get("baseStake").asText()).isEqualTo("100000000000000000");
        assertThat(n.get("minL2BaseFee").asLong()).isEqualTo(10_000_000);
        assertThat(n.at("/sequencerInboxMaxTimeVariation/delayBlocks").asLong()).isEqualTo(5_760);
    }

    @Test
    void aStackThatDoesNotMatchTheTargetGetsAClearError() {
        assertThatThrownBy(() -> Exporter.export(Presets.get("op-stack-blobs"), "orbit"))
                .isInstanceOf(ExportException.class).hasMessage("an Orbit chain config needs Arbitrum Orbit on the execution layer; this stack uses OP Stack");
        assertThatThrownBy(() -> Exporter.export(Presets.get("orbit-celestia"), "op-stack"))
                .hasMessage("an OP Stack deploy config needs the OP Stack on the execution layer; this stack uses Arbitrum Orbit");
        assertThatThrownBy(() -> Exporter.export(Presets.get("op-stack-blobs").withParam(Layer.EXECUTION, "blockTimeMs", 1_500L), "op-stack"))
                .hasMessage("l2BlockTime is whole seconds in the OP Stack; 1500 ms is not");
        assertThatThrownBy(() -> Exporter.export(Presets.get("op-stack-blobs"), "polygon")).hasMessageStartingWith("unknown target 'polygon'");
    }
}
