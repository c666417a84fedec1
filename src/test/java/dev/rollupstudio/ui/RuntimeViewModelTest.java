package dev.rollupstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.app.RuntimeService;
import dev.rollupstudio.sim.Pace;
import dev.rollupstudio.spec.Choice;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.spec.component.Vital;
import dev.rollupstudio.ui.common.RuntimeBridge.Snapshot;
import dev.rollupstudio.ui.dashboard.RuntimeViewModel;
import dev.rollupstudio.workload.Scenario;
import org.junit.jupiter.api.Test;

/** The Runtime screen's logic without a window: snapshots in, controls out to the service. */
class RuntimeViewModelTest {

    @Test
    void showsTheRunningStackAndDrivesTheService() {
        try (RuntimeService service = new RuntimeService(null)) {
            RuntimeViewModel vm = new RuntimeViewModel(service, Runnable::run);
            StackSpec spec = Presets.defaultStack().with(Layer.SECURITY, Choice.of(Vital.ID));
            service.launch(spec, Pace.MAX, 10, e -> {});

            vm.show(new Snapshot(spec.name(), 12, 8, 3, 12, 340, 2, 1));
            assertThat(vm.runningProperty().get()).isTrue();
            assertThat(vm.titleProperty().get()).isEqualTo("OP Stack on Ethereum blobs");
            assertThat(vm.unsafeProperty().get()).isEqualTo(12);
            assertThat(vm.safeProperty().get()).isEqualTo(8);
            assertThat(vm.finalizedProperty().get()).isEqualTo(3);
            assertThat(vm.txsProperty().get()).isEqualTo(340);
            assertThat(vm.layers()).hasSize(Layer.values().length);
            // every component of this stack acts in the runtime, VITAL included: no chip carries a "not run" note
            assertThat(vm.layers()).filteredOn(c -> !c.note().isEmpty()).isEmpty();
            assertThat(vm.layers().get(Layer.SECURITY.ordinal()).text()).isEqualTo("Restaked security: VITAL verification");
            assertThat(vm.vitalProperty().get()).as("VITAL's status for the Runtime screen's line").isNotNull();
            assertThat(vm.vitalProperty().get().operators()).isEqualTo(10);
            assertThat(vm.vitalProperty().get().quorumPct()).isEqualTo(66);

            vm.pausedProperty().set(true);
            assertThat(service.isPaused()).isTrue();
            vm.speedProperty().set("max");
            assertThat(service.pace()).isEqualTo(Pace.MAX);
            vm.tpsProperty().set(750);
            assertThat(service.tps()).isEqualTo(750);
            vm.scenarioProperty().set(Scenario.values()[Scenario.values().length - 1]);

            vm.show(new Snapshot(null, 0, 0, 0, 0, 0, 0, 0));
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(vm.pausedProperty().get()).isFalse();
            assertThat(service.isPaused()).isFalse();
        }
    }

    @Test
    void theLoadSliderFollowsANewLaunch() {
        try (RuntimeService service = new RuntimeService(null)) {
            RuntimeViewModel vm = new RuntimeViewModel(service, Runnable::run);
            StackSpec spec = Presets.defaultStack();
            service.launch(spec, Pace.MAX, 10, e -> {});
            vm.show(new Snapshot(spec.name(), 1, 0, 0, 1, 0, 0, 0));
            vm.tpsProperty().set(1_033); // the slider moved during that run
            service.launch(spec, Pace.MAX, 100, e -> {}); // relaunched from the composer at 100 tx/s
            vm.show(new Snapshot(spec.name(), 1, 0, 0, 1, 0, 0, 0));
            assertThat(vm.tpsProperty().get()).isEqualTo(100);
            assertThat(service.tps()).isEqualTo(100);
        }
    }

    @Test
    void eachHeadSaysWhichFinalityItShows() {
        assertThat(RuntimeViewModel.headMeanings(Presets.get("zk-eigenda-mach"))).containsExactly("derived by the verifier from L1 data",
                "fast-final by MACH quorum (may lead safe)");
        assertThat(RuntimeViewModel.headMeanings(Presets.get("based-zk"))[1]).isEqualTo("proven on L1 by a validity proof");
        assertThat(RuntimeViewModel.headMeanings(Presets.defaultStack())[1]).isEqualTo("derived from finalized L1 blocks");
    }

    @Test
    void refusalsAreCountedWithTheirReasons() {
        try (RuntimeService service = new RuntimeService(null)) {
            RuntimeViewModel vm = new RuntimeViewModel(service, Runnable::run);
            java.util.Map<String, Long> reasons = new java.util.LinkedHashMap<>();
            reasons.put("POOL_FULL", 1_200L);
            reasons.put("NONCE_TOO_LOW", 3L);
            vm.showRefusals(new dev.rollupstudio.runtime.ChainStatus(901, 10, 5, 0, 2, 100, 5_000, 3_000, 1_203, 10, 1, 0, 20_000, 7, reasons));
            assertThat(vm.refusedProperty().get()).isEqualTo(1_210);
            assertThat(vm.refusedWhyProperty().get()).isEqualTo("pool full: 1,200\nnonce too low: 3\ndropped at execution: 7");
        }
    }

    @Test
    void aChainThatFallsBehindItsSpeedSaysHowFastItReallyRuns() {
        assertThat(RuntimeViewModel.speedNote(1, 0.38)).isEqualTo("running at 0.38x of 1x: this machine cannot sign and execute the load that fast");
        assertThat(RuntimeViewModel.speedNote(1, 0.95)).isEmpty();
        assertThat(RuntimeViewModel.speedNote(Double.POSITIVE_INFINITY, 3)).isEmpty();
    }
}
