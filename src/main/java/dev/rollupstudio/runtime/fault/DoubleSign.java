package dev.rollupstudio.runtime.fault;

import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.contracts.OperatorRegistry;
import dev.rollupstudio.runtime.event.L1BlockSealed;
import java.math.BigInteger;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.event.MachAlert;
import dev.rollupstudio.runtime.event.RuntimeEvent;
import dev.rollupstudio.runtime.security.FastFinality;

/**
 * A MACH operator signs two different blocks at one height; the aggregator catches it and its
 * stake stops counting, and the evidence handed to the L1 registry slashes its bond there.
 */
final class DoubleSign extends ActiveFault {
    private FastFinality mach;
    private String name;
    private int caught;
    private FastFinality.Equivocation evidence;

    DoubleSign(RollupRuntime rt) {
        super(FaultKind.DOUBLE_SIGN, rt);
    }

    @Override void start() {
        mach = Faults.machOf(rt);
        int i = Faults.firstHonest(mach, FaultKind.DOUBLE_SIGN);
        mach.doubleSignNext(i);
        name = mach.status().operators().get(i).name();
        caught = mach.equivocations().size();
    }

    @Override void onEvent(RuntimeEvent e) {
        if (!detected() && e instanceof MachAlert a && mach.equivocations().size() > caught) {
            detected("MACH aggregator: " + a.what());
            evidence = mach.equivocations().get(mach.equivocations().size() - 1);
            return;
        }
        if (evidence == null || !outcome.equals("under way") || !(e instanceof L1BlockSealed b)) return;
        BigInteger[] slashed = slashedIn(b.block(), evidence.first().operator());
        if (slashed == null) return;
        outcome = name + " signed blocks " + evidence.first().blockHash().shortHex() + " and " + evidence.second().blockHash().shortHex()
                + " at height " + evidence.first().number() + "; its stake stopped counting at once, and fast finality went on with the other"
                + " operators'; the two signatures, handed to the L1 operator registry, slashed its bond of " + units(slashed[0]) + " ALT and "
                + units(slashed[1]) + " restaked ETH to the treasury in L1 block " + b.block().number() + ", " + secondsSince(injectedAt)
                + " after the fault";
    }

    /** The ALT and ETH the registry's {@code Slashed} log in {@code block} took from {@code operator}, or null when it has none. */
    static BigInteger[] slashedIn(dev.rollupstudio.runtime.l1.L1Block block, dev.rollupstudio.types.Address operator) {
        for (var r : block.receipts()) {
            for (var log : r.logs()) {
                if (log.address().equals(OperatorRegistry.ADDRESS) && log.topics().get(0).equals(SLASHED)
                        && log.topics().get(1).equals(dev.rollupstudio.types.Hash.of(Abi.encode(operator)))) {
                    return new BigInteger[] {Abi.uint(log.data(), 1), Abi.uint(log.data(), 2)};
                }
            }
        }
        return null;
    }

    static String units(BigInteger wei) {
        return new java.math.BigDecimal(wei).movePointLeft(18).stripTrailingZeros().toPlainString();
    }

    private static final dev.rollupstudio.types.Hash SLASHED = dev.rollupstudio.chain.Keccak.hash(
            "Slashed(address,uint256,uint256,uint256,uint256,address)".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
}
