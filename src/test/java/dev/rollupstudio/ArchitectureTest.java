package dev.rollupstudio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of docs/architecture.md, enforced so a violation fails the build. */
@AnalyzeClasses(packages = "dev.rollupstudio", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsHeadless = noClasses().that().resideOutsideOfPackage("dev.rollupstudio.ui..")
            .and().doNotHaveFullyQualifiedName("dev.rollupstudio.Launcher")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("nothing outside ui may import JavaFX: the core also runs headless in the CLI and CI");

    @ArchTest
    static final ArchRule uiGoesThroughServices = noClasses().that().resideInAPackage("dev.rollupstudio.ui..")
            .should().dependOnClassesThat().resideInAPackage("dev.rollupstudio.store..")
            .because("the UI talks to the core through services, never to the store");

    @ArchTest
    static final ArchRule sqlStaysInTheStore = noClasses().that().resideOutsideOfPackage("dev.rollupstudio.store..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("no SQL outside the store package");

    @ArchTest
    static final ArchRule web3jStaysInChainAndWallet = noClasses().that().resideOutsideOfPackages("dev.rollupstudio.chain..", "dev.rollupstudio.wallet..")
            .should().dependOnClassesThat().resideInAPackage("org.web3j..")
            .because("web3j lives in chain and wallet only");

    @ArchTest
    static final ArchRule coreDoesNotReadWallTime = noClasses().that().resideOutsideOfPackages("dev.rollupstudio.ui..", "dev.rollupstudio.cli..")
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(Thread.class, "sleep", long.class)
            .because("all time in the core comes from the simulated clock");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.rollupstudio.(*)..").should().beFreeOfCycles()
            .because("dependencies point down: a package never depends on one that depends on it");

    @ArchTest
    static final ArchRule specSeesOnlyTheRuntimesConfiguration = noClasses().that().resideInAPackage("dev.rollupstudio.spec..")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("runtime internals",
                    (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("dev.rollupstudio.runtime")
                            && !c.getPackageName().equals("dev.rollupstudio.runtime.config")))
            .because("a stack spec configures the runtime through runtime.config and knows nothing else of it");

    @ArchTest
    static final ArchRule uiReadsTheChainThroughItsStatus = noClasses().that().resideInAPackage("dev.rollupstudio.ui..")
            .should().callMethod(dev.rollupstudio.runtime.RollupRuntime.class, "node")
            .orShould().callMethod(dev.rollupstudio.runtime.RollupRuntime.class, "l1")
            .orShould().callMethod(dev.rollupstudio.runtime.RollupRuntime.class, "metrics")
            .orShould().dependOnClassesThat().resideInAnyPackage("dev.rollupstudio.runtime.rollup..", "dev.rollupstudio.runtime.l1..", "dev.rollupstudio.runtime.da..")
            .because("the live pool, chain and L1 belong to the loop thread; screens read ChainStatus snapshots and events");
}
