package dev.rollupstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.spec.component.Celestia;
import dev.rollupstudio.spec.component.EigenDa;
import dev.rollupstudio.spec.component.EthereumBlobs;
import dev.rollupstudio.spec.component.OptimisticProofs;
import dev.rollupstudio.spec.component.Squad;
import dev.rollupstudio.spec.component.ZkValidityProofs;
import dev.rollupstudio.spec.Catalog;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.SpecJson;
import dev.rollupstudio.ui.composer.ComposerViewModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composer's logic without a window: executors run inline. */
class ComposerViewModelTest {
    private final ComposerViewModel vm = new ComposerViewModel(Runnable::run, Runnable::run);

    @Test
    void startsFromTheDefaultStackWithAnEstimate() {
        assertThat(vm.spec().name()).isEqualTo("OP Stack on Ethereum blobs");
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.estimateProperty().get().bindingLayer()).isEqualTo("execution gas/s");
        assertThat(vm.riskProperty().get().stage()).isEqualTo("1");
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void droppingOnTheRightLaneReplacesAndTheEstimateFollows() {
        double blobDaCost = vm.estimateProperty().get().costPerTx().da();
        assertThat(vm.drop(Catalog.standard().component(Layer.DATA_AVAILABILITY, Celestia.ID), Layer.DATA_AVAILABILITY)).isNull();
        assertThat(vm.spec().is(Layer.DATA_AVAILABILITY, Celestia.ID)).isTrue();
        assertThat(vm.selectedProperty().get()).isEqualTo(Layer.DATA_AVAILABILITY);
        assertThat(vm.estimateProperty().get().costPerTx().da()).isNotEqualTo(blobDaCost);
        assertThat(vm.problems()).extracting(p -> p.rule()).contains("celestia-unbridged");
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Celestia replaced Ethereum blobs");
    }

    @Test
    void theWrongLaneIsRefusedWithAReason() {
        String reason = vm.drop(Catalog.standard().component(Layer.DATA_AVAILABILITY, Celestia.ID), Layer.PROOFS);
        assertThat(reason).isEqualTo("Celestia is a data availability component; it belongs on the Data availability lane, not Proofs");
        assertThat(vm.spec().is(Layer.PROOFS, OptimisticProofs.ID)).isTrue();
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void anInvalidCombinationShowsItsMessageAndClickingItSelectsTheLayer() {
        vm.place(Catalog.standard().component(Layer.PROOFS, ZkValidityProofs.ID));
        vm.select(Layer.EXECUTION);
        var p = vm.problems().stream().filter(x -> x.rule().equals("validity-needs-zk-stack")).findFirst().orElseThrow();
        assertThat(vm.estimateProperty().get()).isNull();
        vm.select(p);
        assertThat(vm.selectedProperty().get()).isEqualTo(Layer.PROOFS);
        assertThat(vm.hasErrors()).isTrue();
    }

    @Test
    void undoAndRedoWalkEveryEdit() {
        vm.place(Catalog.standard().component(Layer.DATA_AVAILABILITY, EigenDa.ID));
        vm.setParam(Layer.EXECUTION, "gasLimit", 60_000_000L);
        vm.remove(Layer.SECURITY);
        assertThat(vm.spec().choice(Layer.SECURITY)).isNull();
        vm.undo();
        assertThat(vm.spec().choice(Layer.SECURITY)).isNotNull();
        vm.undo();
        assertThat(vm.spec().gasLimit()).isEqualTo(30_000_000);
        vm.undo();
        assertThat(vm.spec().is(Layer.DATA_AVAILABILITY, EthereumBlobs.ID)).isTrue();
        assertThat(vm.canUndoProperty().get()).isFalse();
        assertThat(vm.dirtyProperty().get()).isFalse();
        vm.redo();
        vm.redo();
        assertThat(vm.spec().gasLimit()).isEqualTo(60_000_000);
        assertThat(vm.canRedoProperty().get()).isTrue();
    }

    @Test
    void committingAnUnchangedValueOrAStaleKeyIsNotAnEdit() {
        vm.place(Catalog.standard().component(Layer.SEQUENCING, Squad.ID));
        vm.undo();
        vm.setParam(Layer.EXECUTION, "gasLimit", 30_000_000L); // the default, unchanged
        vm.setParam(Layer.SEQUENCING, "operators", 5L); // single sequencer has no operators
        assertThat(vm.canRedoProperty().get()).isTrue();
        assertThat(vm.spec().choice(Layer.SEQUENCING).params()).isEmpty();
    }

    @Test
    void saveAndReopenGiveTheSameStack(@TempDir Path dir) throws Exception {
        vm.place(Catalog.standard().component(Layer.SEQUENCING, Squad.ID));
        vm.setParam(Layer.SEQUENCING, "operators", 7L);
        Path f = dir.resolve("squad.rollup.json");
        vm.save(f);
        assertThat(vm.dirtyProperty().get()).isFalse();
        var before = vm.spec();
        ComposerViewModel other = new ComposerViewModel(Runnable::run, Runnable::run);
        other.open(f);
        assertThat(other.spec()).isEqualTo(before);
        assertThat(SpecJson.load(f)).isEqualTo(before);
        assertThat(other.fileProperty().get()).isEqualTo(f);
    }

    @Test
    void aNameTheStudioMadeFollowsTheComponentsAndAChosenOneStays() {
        vm.drop(Catalog.standard().component(Layer.DATA_AVAILABILITY, Celestia.ID), Layer.DATA_AVAILABILITY);
        assertThat(vm.spec().name()).isEqualTo("OP Stack on Celestia");
        vm.drop(Catalog.standard().component(Layer.SECURITY, "mach"), Layer.SECURITY);
        assertThat(vm.spec().name()).isEqualTo("OP Stack on Celestia with MACH fast finality");
        vm.undo();
        assertThat(vm.spec().name()).isEqualTo("OP Stack on Celestia");
    }

    @Test
    void textThatIsNotANumberIsACheckUntilFixedAndBlocksLaunch() {
        vm.setTyped(Layer.EXECUTION, "blockTimeMs", "abc", "Block time must be a whole number");
        assertThat(vm.problems()).first().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.layers.execution.params.blockTimeMs");
            assertThat(p.message()).isEqualTo("Block time must be a whole number (typed: 'abc'); the stack keeps its previous value until this reads as a number");
        });
        assertThat(vm.hasErrors()).isTrue();
        vm.setTyped(Layer.EXECUTION, "blockTimeMs", "2000", null);
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.hasErrors()).isFalse();
    }

    @Test
    void anEditClearsWhatTheHintBarSaidAboutTheStackBefore() {
        vm.messageProperty().set("Cannot launch: validity proofs need a ZK-capable stack");
        vm.setParam(Layer.EXECUTION, "blockTimeMs", 1_000L);
        assertThat(vm.messageProperty().get()).isEmpty();
    }
}
