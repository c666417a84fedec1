package dev.rollupstudio.app;

import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.Problem;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.spec.Validator;
import java.util.List;

/** Where a composed stack becomes a runtime: each layer's component configures its part, in layer order. */
public final class SpecRuntimes {
    private SpecRuntimes() {}

    /** What Rollup-as-a-Service charges to launch {@code spec}: its lifecycle's fee, in ALT (paid on L1 to the treasury). */
    public static dev.rollupstudio.types.Amount launchFee(StackSpec spec) {
        java.math.BigDecimal alt = spec.lifecycle().launchFeeAlt(spec);
        return dev.rollupstudio.types.Amount.of(alt.movePointRight(dev.rollupstudio.contracts.Alt.DECIMALS).toBigInteger(), dev.rollupstudio.types.Amount.Token.ALT);
    }

    /** Options for running {@code spec}; refuses a stack with errors, naming the first one. */
    public static RuntimeOptions options(StackSpec spec, Prices prices, RuntimeOptions base) {
        List<Problem> problems = Validator.validate(spec);
        if (Validator.hasErrors(problems)) {
            Problem first = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).findFirst().orElseThrow();
            throw new IllegalArgumentException("the stack cannot launch: " + first.path() + ": " + first.message());
        }
        RuntimeSetup setup = new RuntimeSetup(RollupConfig.opStack(spec.chainId()), base.l1());
        for (Layer l : Layer.values()) spec.component(l).configure(spec, prices, setup);
        return base.withRollup(setup.rollup()).withL1(setup.l1());
    }
}
