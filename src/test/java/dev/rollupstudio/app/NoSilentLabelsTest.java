package dev.rollupstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.spec.Catalog;
import dev.rollupstudio.spec.Choice;
import dev.rollupstudio.spec.Component;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.spec.Validator;
import dev.rollupstudio.spec.component.ArbitrumOrbit;
import dev.rollupstudio.spec.component.Erc20Gas;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every choice the composer offers either changes what the runtime is given, or says in the
 * catalog that it does not: a parameter marked as acting changes the runtime options when it
 * changes, and one marked "estimates only" or "coming" does not.
 */
class NoSilentLabelsTest {
    private static final Prices PRICES = Prices.defaults();

    /** A valid stack with {@code c} on its layer: the first preset that takes it without errors. */
    private static StackSpec stackWith(Component c) {
        for (String id : Presets.ids()) {
            Choice choice = Choice.of(c.id());
            if (c instanceof Erc20Gas) choice = choice.with(Erc20Gas.L1_ADDRESS.key(), "0x" + "ab".repeat(20));
            StackSpec s = Presets.get(id).with(c.layer(), choice);
            if (!Validator.hasErrors(Validator.validate(s))) return s;
        }
        throw new AssertionError("no preset takes " + c.name() + " without errors");
    }

    /** Another value of the parameter that keeps the stack launchable: its maximum, minimum, or a tweak. */
    private static StackSpec changed(StackSpec base, Layer layer, Param<?> p) {
        Object now = base.get(layer, p);
        List<Object> candidates = switch (p.type()) {
            case INTEGER -> List.of(p.max().longValue(), p.min().longValue(), ((Number) now).longValue() + 1);
            case DECIMAL -> List.of(p.max(), p.min(), ((Number) now).doubleValue() / 2);
            case BOOLEAN -> List.of(!(Boolean) now);
            case CHOICE -> List.copyOf(p.choices());
            case TEXT -> List.of(now + "X");
        };
        for (Object v : candidates) {
            if (v.equals(now)) continue;
            StackSpec s = base.withParam(layer, p.key(), v);
            if (!Validator.hasErrors(Validator.validate(s))) return s;
        }
        throw new AssertionError("no other launchable value for " + p.label());
    }

    private static RuntimeOptions options(StackSpec s) {
        return SpecRuntimes.options(s, PRICES, RuntimeOptions.defaults());
    }

    @Test
    void everyParameterActsOrSaysItDoesNot() {
        List<String> checked = new ArrayList<>();
        for (Component c : Catalog.standard().all()) {
            StackSpec base = stackWith(c);
            for (Param<?> p : c.params()) {
                if (p == Erc20Gas.L1_ADDRESS) continue; // its value must stay a valid address for the stack to launch
                StackSpec changed = changed(base, c.layer(), p);
                if (p.unit().startsWith("ALT")) { // a RaaS fee: paid at launch whatever the lifecycle; the chain does not change
                    assertThat(SpecRuntimes.launchFee(changed)).as(c.name() + " / " + p.label()).isNotEqualTo(SpecRuntimes.launchFee(base));
                    assertThat(options(changed)).as(c.name() + " / " + p.label() + " changes the runtime").isEqualTo(options(base));
                    checked.add(c.id() + "." + p.key());
                    continue;
                }
                boolean acts = c.effect().acts() && p.effect().acts();
                if (acts) {
                    assertThat(options(changed)).as(c.name() + " / " + p.label() + " is marked as acting but changes nothing").isNotEqualTo(options(base));
                } else {
                    assertThat(options(changed)).as(c.name() + " / " + p.label() + " is marked " + p.effect().kind() + " but changes the runtime")
                            .isEqualTo(options(base));
                    assertThat(p.effect().note().isEmpty() && c.effect().note().isEmpty()).as(c.name() + " / " + p.label() + " says why").isFalse();
                }
                checked.add(c.id() + "." + p.key());
            }
        }
        assertThat(checked).hasSize(65); // every parameter but the ERC-20 address, which must stay valid
    }

    @Test
    void componentsThatActGiveTheRuntimeSomethingDifferentFromTheirNeighbours() {
        Map<Layer, Map<RuntimeOptions, String>> seen = new HashMap<>();
        for (Component c : Catalog.standard().all()) {
            if (!c.effect().acts() || c.layer() == Layer.SETTLEMENT || c.layer() == Layer.LIFECYCLE) continue; // one of each acts
            RuntimeOptions o = options(Presets.get("op-stack-blobs").with(Layer.LIFECYCLE, Choice.of("persistent")).with(c.layer(), Choice.of(c.id()))
                    .with(Layer.GAS_TOKEN, c.layer() == Layer.GAS_TOKEN ? stackWith(c).choice(Layer.GAS_TOKEN) : Choice.of("eth"))
                    .with(Layer.PROOFS, c.layer() == Layer.PROOFS ? Choice.of(c.id()) : stackWith(c).choice(Layer.PROOFS))
                    .with(Layer.EXECUTION, c.layer() == Layer.EXECUTION ? Choice.of(c.id()) : stackWith(c).choice(Layer.EXECUTION)));
            String before = seen.computeIfAbsent(c.layer(), l -> new HashMap<>()).put(o, c.name());
            assertThat(before).as(c.name() + " runs exactly as " + before).isNull();
        }
        assertThat(seen.get(Layer.DATA_AVAILABILITY)).hasSize(6);
        assertThat(seen.get(Layer.EXECUTION)).hasSize(5);
    }

    @Test
    void arbitrumsGasPriceFloorHoldsTheBaseFeeUp() {
        StackSpec orbit = Presets.get("orbit-celestia");
        BigInteger floored = idleBaseFee(orbit.withParam(Layer.EXECUTION, ArbitrumOrbit.MIN_BASE_FEE.key(), 0.5));
        BigInteger free = idleBaseFee(orbit.withParam(Layer.EXECUTION, ArbitrumOrbit.MIN_BASE_FEE.key(), 0.0));
        assertThat(floored).isEqualTo(BigInteger.valueOf(500_000_000L)); // 240 empty blocks fall from 1 gwei to the floor
        assertThat(free).isLessThan(BigInteger.valueOf(10_000_000L)); // 1 gwei x 0.98^239 without one
    }

    private static BigInteger idleBaseFee(StackSpec s) {
        RollupRuntime rt = RollupRuntime.inMemory(options(s));
        rt.runFor(60_000);
        return rt.node().chain().head().header().baseFeePerGas();
    }
}
