package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.evm.Evm;
import dev.rollupstudio.evm.NativeContract;
import dev.rollupstudio.evm.Word;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.state.WorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A rollup's output oracle on L1, native behind OP Stack's {@code L2OutputOracle} ABI:
 * {@code getL2Output(uint256)} returns {@code (bytes32 outputRoot, uint128 timestamp, uint128
 * l2BlockNumber)}, with {@code latestOutputIndex()}, {@code nextOutputIndex()},
 * {@code latestBlockNumber()}, {@code proposer()} and {@code FINALIZATION_PERIOD_SECONDS()} (the
 * wait between a withdrawal's proof and its finalization). Outputs live in its storage as Solidity
 * lays out OP's {@code l2Outputs} array (length at slot 1, element i at keccak256(1) + 2i), so
 * the L1 state root commits to them. {@code proposeL2Output} answers OP's revert to anyone but
 * the proposer; the runtime's proposer records outputs when its proposal is included.
 */
final class L2OutputOracle implements NativeContract {
    static final long GAS = 2_600;
    private static final Hash LENGTH_SLOT = Hash.of(Abi.word(BigInteger.ONE));
    private static final BigInteger FIRST = new BigInteger(1, Keccak.digest(Abi.word(BigInteger.ONE)));
    private static final byte[] GET = Abi.selector("getL2Output(uint256)");
    private static final byte[] LATEST_INDEX = Abi.selector("latestOutputIndex()");
    private static final byte[] NEXT_INDEX = Abi.selector("nextOutputIndex()");
    private static final byte[] LATEST_BLOCK = Abi.selector("latestBlockNumber()");
    private static final byte[] PROPOSER = Abi.selector("proposer()");
    private static final byte[] PROPOSE = Abi.selector("proposeL2Output(bytes32,uint256,bytes32,uint256)");
    private static final byte[] PERIOD = Abi.selector("FINALIZATION_PERIOD_SECONDS()");
    private static final byte[] PERIOD_GETTER = Abi.selector("finalizationPeriodSeconds()");
    private static final byte[] DISPUTED_WRONG = Abi.selector("disputedWrong(bytes32)");
    /** Where the roots a dispute proved wrong are marked: a namespaced mapping past OP's layout. */
    private static final Hash DISPUTED_SLOT = Keccak.hash("rollup-studio.L2OutputOracle.disputedWrong".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private final long chainId;
    private final long finalizationPeriodSeconds;

    L2OutputOracle(long chainId, long finalizationPeriodSeconds) {
        this.chainId = chainId;
        this.finalizationPeriodSeconds = finalizationPeriodSeconds;
    }

    @Override public Evm.Result run(Evm evm, Evm.Message m) {
        if (m.gas() < GAS) return Evm.Result.halt("out of gas");
        long left = m.gas() - GAS;
        byte[] in = m.input();
        Address self = m.target();
        BigInteger count = read(evm, self, LENGTH_SLOT);
        if (Abi.startsWith(in, GET)) {
            BigInteger i = Abi.uint(Abi.args(in), 0);
            if (i.compareTo(count) >= 0) return SystemContracts.revert(left, "L2OutputOracle: no output at index " + i);
            BigInteger packed = read(evm, self, slot(i, 1)); // Solidity packs the first member (timestamp) low
            return SystemContracts.ok(left, Abi.encode(read(evm, self, slot(i, 0)), packed.and(LOW_128), packed.shiftRight(128)));
        }
        if (Abi.startsWith(in, NEXT_INDEX)) return SystemContracts.ok(left, Abi.encode(count));
        if (Abi.startsWith(in, LATEST_INDEX)) {
            if (count.signum() == 0) return SystemContracts.revert(left, "L2OutputOracle: cannot get output as no outputs have been proposed yet");
            return SystemContracts.ok(left, Abi.encode(count.subtract(BigInteger.ONE)));
        }
        if (Abi.startsWith(in, LATEST_BLOCK)) {
            BigInteger latest = count.signum() == 0 ? BigInteger.ZERO : read(evm, self, slot(count.subtract(BigInteger.ONE), 1)).shiftRight(128);
            return SystemContracts.ok(left, Abi.encode(latest));
        }
        if (Abi.startsWith(in, PERIOD) || Abi.startsWith(in, PERIOD_GETTER)) return SystemContracts.ok(left, Abi.encode(finalizationPeriodSeconds));
        if (Abi.startsWith(in, DISPUTED_WRONG)) {
            return SystemContracts.ok(left, Abi.encode(read(evm, self, disputedSlot(Hash.of(Abi.wordAt(Abi.args(in), 0)))).signum() != 0));
        }
        if (Abi.startsWith(in, PROPOSER)) return SystemContracts.ok(left, Abi.encode(SystemContracts.proposer(chainId)));
        if (Abi.startsWith(in, PROPOSE)) return SystemContracts.revert(left, "L2OutputOracle: only the proposer address can propose new outputs");
        return SystemContracts.revert(left, "L2OutputOracle: unknown function " + Bytes.toHex(Arrays.copyOf(in, Math.min(4, in.length))));
    }

    private static final BigInteger LOW_128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    /** Appends an output as the proposer's proposeL2Output does. */
    static void record(MutableWorldState state, Address oracle, Hash outputRoot, long timestampSeconds, long l2Block) {
        BigInteger i = state.storage(oracle, LENGTH_SLOT);
        state.setStorage(oracle, slot(i, 0), new BigInteger(1, outputRoot.raw()));
        state.setStorage(oracle, slot(i, 1), BigInteger.valueOf(l2Block).shiftLeft(128).or(BigInteger.valueOf(timestampSeconds)));
        state.setStorage(oracle, LENGTH_SLOT, i.add(BigInteger.ONE));
    }

    /** Deletes outputs from {@code index} on, as OP's {@code deleteL2Outputs} does after a lost dispute; how many it deleted. */
    static int deleteFrom(MutableWorldState state, Address oracle, long index) {
        BigInteger count = state.storage(oracle, LENGTH_SLOT);
        BigInteger from = BigInteger.valueOf(index);
        if (from.compareTo(count) >= 0) return 0;
        for (BigInteger i = from; i.compareTo(count) < 0; i = i.add(BigInteger.ONE)) {
            state.setStorage(oracle, slot(i, 0), BigInteger.ZERO);
            state.setStorage(oracle, slot(i, 1), BigInteger.ZERO);
        }
        state.setStorage(oracle, LENGTH_SLOT, from);
        return count.subtract(from).intValueExact();
    }

    /** A dispute proved {@code root} wrong: what {@code disputedWrong(root)} answers from then on (the evidence a false VITAL verdict is slashed with). */
    static void markWrong(MutableWorldState state, Address oracle, Hash root) {
        state.setStorage(oracle, disputedSlot(root), BigInteger.ONE);
    }

    private static Hash disputedSlot(Hash root) {
        return Keccak.hash(Bytes.concat(root.raw(), DISPUTED_SLOT.raw()));
    }

    /*
     * A validity rollup's oracle also counts its outputs whose proof L1 verified (in order, as ZK
     * rollups verify batches), at slots of their own past OP's layout: the portal finalizes a
     * withdrawal only against a verified output.
     */
    private static final Hash PROOFS_REQUIRED_SLOT = Keccak.hash("rollup-studio.L2OutputOracle.proofsRequired".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static final Hash VERIFIED_SLOT = Keccak.hash("rollup-studio.L2OutputOracle.verifiedOutputs".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    static void requireProofs(MutableWorldState state, Address oracle) {
        state.setStorage(oracle, PROOFS_REQUIRED_SLOT, BigInteger.ONE);
    }

    static boolean proofsRequired(WorldState state, Address oracle) {
        return state.storage(oracle, PROOFS_REQUIRED_SLOT).signum() != 0;
    }

    /** How many outputs, from index 0, have a verified validity proof. */
    static long verifiedCount(WorldState state, Address oracle) {
        return state.storage(oracle, VERIFIED_SLOT).longValueExact();
    }

    static void setVerifiedCount(MutableWorldState state, Address oracle, long count) {
        state.setStorage(oracle, VERIFIED_SLOT, BigInteger.valueOf(count));
    }

    static long count(WorldState state, Address oracle) {
        return state.storage(oracle, LENGTH_SLOT).longValueExact();
    }

    /** The root of output {@code index}, or null if there is none. */
    static Hash outputRoot(WorldState state, Address oracle, BigInteger index) {
        if (index.compareTo(state.storage(oracle, LENGTH_SLOT)) >= 0) return null;
        return Hash.of(Abi.word(state.storage(oracle, slot(index, 0))));
    }

    private static Hash slot(BigInteger index, int field) {
        return Hash.of(Abi.word(FIRST.add(index.shiftLeft(1)).add(BigInteger.valueOf(field)).mod(BigInteger.ONE.shiftLeft(256))));
    }

    private static BigInteger read(Evm evm, Address self, Hash slot) {
        evm.journal().warm(self, Word.fromBytes(slot.raw()));
        return evm.journal().storage(self, Word.fromBytes(slot.raw())).toBigInteger();
    }
}
