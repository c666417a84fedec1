package dev.rollupstudio.runtime.security;

import dev.rollupstudio.chain.Ecdsa;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.contracts.OperatorRegistry;
import dev.rollupstudio.contracts.OperatorRegistry.Service;
import dev.rollupstudio.runtime.config.OperatorConfig;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.config.SequencerSet;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.rollup.L1Signer;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.wallet.DevAccounts;
import java.math.BigInteger;
import java.util.List;

/**
 * A rollup's restaked operators on the L1's {@link OperatorRegistry}: they join it (bond, opt in)
 * when the rollup registers, quorums count the stake it holds, and an equivocation's evidence is
 * handed to it to slash the bond.
 */
public final class Restaking {
    private Restaking() {}

    /** What each VITAL operator's L1 account holds for its dispute bonds. */
    private static final dev.rollupstudio.types.Wei VITAL_FUNDS = dev.rollupstudio.types.Wei.ether(10);

    /**
     * As a rollup registers on L1 (before any stored L1 block is replayed): its MACH and VITAL
     * operators and SQUAD sequencers bond their configured stake and opt into its services.
     */
    public static void join(EmbeddedL1 l1, RollupConfig config) {
        long chain = config.chainId();
        var q = config.sequencing();
        if (q.mach() != null) join(l1, chain, q.mach().operators(), i -> DevAccounts.machOperator(chain, i).address(), Service.MACH);
        if (q.vital() != null) {
            join(l1, chain, q.vital().operators(), i -> DevAccounts.vitalOperator(chain, i).address(), Service.VITAL);
            if (config.proof().kind() == dev.rollupstudio.runtime.config.ProofSystem.Kind.OPTIMISTIC) { // their L1 accounts pay dispute bonds
                for (int i = 0; i < q.vital().operators().size(); i++) l1.ledger().credit(DevAccounts.vitalOperator(chain, i).address(), VITAL_FUNDS);
            }
        }
        if (q.set().mode() == SequencerSet.Mode.SQUAD) {
            List<OperatorConfig> squad = OperatorConfig.set(q.set().operators(), 0, 0, 0, 0);
            join(l1, chain, squad, SequencerSet::operatorAddress, Service.SQUAD);
        }
    }

    private static void join(EmbeddedL1 l1, long chain, List<OperatorConfig> ops, java.util.function.IntFunction<dev.rollupstudio.types.Address> address,
                             Service service) {
        for (int i = 0; i < ops.size(); i++) {
            OperatorRegistry.join(l1.state(), EmbeddedL1.CHAIN_ID, address.apply(i), ops.get(i).bondAlt(), ops.get(i).restakedEth(), chain, service);
        }
    }

    /** The registry as a stake book for {@code service} of {@code chain}: an operator's bond counts while it is opted in. */
    public static Stakes registry(EmbeddedL1 l1, long chain, Service service) {
        return a -> {
            if (!OperatorRegistry.optedIn(l1.state(), a, chain, service)) return Stakes.Stake.NONE;
            BigInteger[] s = OperatorRegistry.stakeOf(l1.state(), a);
            return new Stakes.Stake(s[0], s[1]);
        };
    }

    /** {@code signer}'s L1 transaction handing the registry the two attestations of an equivocation. */
    public static Transaction slash(EmbeddedL1 l1, L1Signer signer, FastFinality.Equivocation e) {
        BigInteger tip = BigInteger.TEN.pow(9);
        UnsignedTransaction u = UnsignedTransaction.transfer(EmbeddedL1.CHAIN_ID, l1.pendingNonce(signer.address()), OperatorRegistry.ADDRESS,
                BigInteger.ZERO, tip, l1.baseFee().shiftLeft(1).add(tip)).withData(slashCall(e.first(), e.second())).withGasLimit(300_000);
        return signer.sign().apply(u);
    }

    /**
     * The node's L1 transaction handing the registry a VITAL verdict that lied: one that called
     * right an output a dispute proved wrong ({@code slashFalseVerdict}), or wrong an output that
     * stood through its finalization period ({@code slashFalseAlarm}), as the verdict says.
     */
    public static Transaction slashFalseVerdict(EmbeddedL1 l1, L1Signer signer, OutputCheck c) {
        BigInteger tip = BigInteger.TEN.pow(9);
        byte[] call = Abi.call((c.valid() ? "slashFalseVerdict" : "slashFalseAlarm") + "(uint256,uint256,uint256,bytes32,bytes)", BigInteger.valueOf(c.chainId()),
                BigInteger.valueOf(c.outputIndex()), BigInteger.valueOf(c.l2Block()), c.outputRoot().raw(), new Abi.DynamicBytes(rsv(c.signature())));
        UnsignedTransaction u = UnsignedTransaction.transfer(EmbeddedL1.CHAIN_ID, l1.pendingNonce(signer.address()), OperatorRegistry.ADDRESS,
                BigInteger.ZERO, tip, l1.baseFee().shiftLeft(1).add(tip)).withData(call).withGasLimit(300_000);
        return signer.sign().apply(u);
    }

    /**
     * The node's L1 transaction handing the registry a MACH attestation for a block that is not the
     * one output {@code outputIndex} commits to, with that output's opening (the real block's state
     * root, message-passer root and hash).
     */
    public static Transaction slashBadAttestation(EmbeddedL1 l1, L1Signer signer, FastFinality.BadAttestation b, long outputIndex) {
        BigInteger tip = BigInteger.TEN.pow(9);
        var h = b.real().header();
        byte[] call = Abi.call("slashBadAttestation(uint256,uint256,(bytes32,bytes32,bytes),bytes32,bytes32,bytes32)", BigInteger.valueOf(b.signed().chainId()),
                BigInteger.valueOf(outputIndex), tuple(b.signed()), h.stateRoot().raw(), h.withdrawalsRoot().raw(), b.real().hash().raw());
        UnsignedTransaction u = UnsignedTransaction.transfer(EmbeddedL1.CHAIN_ID, l1.pendingNonce(signer.address()), OperatorRegistry.ADDRESS,
                BigInteger.ZERO, tip, l1.baseFee().shiftLeft(1).add(tip)).withData(call).withGasLimit(300_000);
        return signer.sign().apply(u);
    }

    /** The calldata of {@code slashEquivocation} with the two attestations an operator signed at one height. */
    public static byte[] slashCall(Attestation a, Attestation b) {
        return Abi.call("slashEquivocation(uint256,uint256,(bytes32,bytes32,bytes),(bytes32,bytes32,bytes))", BigInteger.valueOf(a.chainId()),
                BigInteger.valueOf(a.number()), tuple(a), tuple(b));
    }

    private static Abi.DynamicTuple tuple(Attestation a) {
        return new Abi.DynamicTuple(a.blockHash().raw(), a.stateRoot().raw(), new Abi.DynamicBytes(rsv(a.signature())));
    }

    /** r || s || v, as OpenZeppelin's ECDSA.recover reads a 65-byte signature. */
    private static byte[] rsv(Ecdsa.Signature s) {
        return Bytes.concat(Ecdsa.unsigned(s.r(), 32), Ecdsa.unsigned(s.s(), 32), new byte[] {(byte) (27 + s.recoveryId())});
    }
}
