package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.LifecycleConfig;
import dev.rollupstudio.runtime.config.ProofSystem;
import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Lifecycle;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.Problems;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.spec.Validator;
import java.math.BigDecimal;
import java.util.OptionalLong;

/**
 * A flash layer: lives for one event, then settles back to L1 and dissolves. The rules check
 * that it can settle in its lifetime: its last withdrawals wait the whole challenge window or
 * proving latency (MACH makes blocks final sooner, but does not shorten withdrawals).
 */
public final class Ephemeral extends CatalogEntry implements Lifecycle {
    public static final String ID = "ephemeral";
    private static final String SIMPLIFIED = "launched, it runs on the Ephemeral screen; provisioning is a wait on the sim clock, and the mass exit credits L1"
            + " from the final state root in one step";
    public static final Param<Long> LIFETIME = Param.integer("lifetimeSeconds", "Lifetime", "s", 86_400, 60, 2_592_000,
            "how long the rollup lives before it drains, settles and dissolves (max lifetime unconfirmed; a parameter)",
            "Flash Layers: max lifetime unconfirmed");
    public static final Param<Long> PROVISIONING = Param.integer("provisioningSeconds", "Provisioning time", "s", 30, 0, 3_600,
            "sim time from the request to the first block (a parameter: AltLayer quotes minutes to launch)", "Flash Layers: launch time unconfirmed");
    public static final Param<Long> IDLE_TIMEOUT = Param.integer("idleTimeoutSeconds", "Idle timeout", "s", 0, 0, 2_592_000,
            "dissolve early after this long without a transaction; 0 never does", null);

    public static final Param<Double> DEPLOYMENT_FEE = Param.decimal("deploymentFeeAlt", "RaaS deployment fee", "ALT", 100, 0, 1_000_000_000,
            "paid in ALT, from your account to the RaaS treasury on L1, when the stack launches (pricing unconfirmed: a parameter)",
            "Flash Layers: pricing unconfirmed");
    public static final Param<Double> FEE_PER_HOUR = Param.decimal("feePerHourAlt", "RaaS fee per hour", "ALT/h", 10, 0, 1_000_000,
            "paid at launch for each hour of the lifetime, started hours counted (pricing unconfirmed: a parameter)", "Flash Layers: pricing unconfirmed");

    public Ephemeral() {
        super(ID, Layer.LIFECYCLE, "Ephemeral (flash layer)", "fth-clock",
                "A rollup for one event: it runs for a set lifetime, then settles its state and assets back to L1 and dissolves.",
                Effect.runtime(SIMPLIFIED), LIFETIME, PROVISIONING, IDLE_TIMEOUT, DEPLOYMENT_FEE, FEE_PER_HOUR);
    }

    @Override public BigDecimal launchFeeAlt(StackSpec s) {
        long hours = (get(s, LIFETIME) + 3_599) / 3_600;
        return BigDecimal.valueOf(get(s, DEPLOYMENT_FEE)).add(BigDecimal.valueOf(get(s, FEE_PER_HOUR)).multiply(BigDecimal.valueOf(hours)));
    }

    @Override public OptionalLong lifetimeSeconds(StackSpec s) {
        return OptionalLong.of(get(s, LIFETIME));
    }

    @Override public void validate(StackSpec spec, Problems out) {
        long lifetime = get(spec, LIFETIME);
        long delay = spec.proofs().exitDelaySeconds(spec);
        String field = "params." + LIFETIME.key();
        if (spec.proofs().kind() == ProofSystem.Kind.OPTIMISTIC && lifetime < delay) {
            out.error(Layer.LIFECYCLE, field, "an ephemeral rollup living " + Validator.duration(lifetime) + " cannot settle on time with a "
                    + Validator.duration(delay) + " challenge window, since its last withdrawals wait the whole window (MACH does not shorten it): "
                    + "switch to ZK proofs, or shorten the window below the lifetime", "ephemeral-settles-on-time");
        }
        if (spec.proofs().kind() == ProofSystem.Kind.VALIDITY && delay > lifetime) {
            out.error(Layer.LIFECYCLE, field, "the last batch's proof takes " + Validator.duration(delay) + ", longer than the rollup lives ("
                    + Validator.duration(lifetime) + "): lengthen the lifetime or shorten the proving latency", "ephemeral-proves-on-time");
        }
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        setup.rollup(r -> r.withLifecycle(LifecycleConfig.ephemeral(get(spec, LIFETIME) * 1000, get(spec, PROVISIONING) * 1000, get(spec, IDLE_TIMEOUT) * 1000)));
    }
}
