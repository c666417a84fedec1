package dev.rollupstudio.ephemeral;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.Log;
import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.contracts.Alt;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.MassExit;
import dev.rollupstudio.runtime.l1.MassExit.Asset;
import dev.rollupstudio.runtime.l1.MassExit.Claim;
import dev.rollupstudio.runtime.l1.WithdrawalCalls;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.runtime.rollup.RollupNode;
import dev.rollupstudio.state.Account;
import dev.rollupstudio.state.WorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An ephemeral rollup's settlement: the claims of every account that holds ETH or ALT on it at
 * its final block, each with its Merkle proofs against the final state root, handed to the L1's
 * mass exit; and the value check around it, per token, over the L1 and every live rollup.
 *
 * @param claims          what each account was credited on L1, with the proofs anyone can check again
 * @param stateRoot       the final state root the claims were proven against
 * @param finalBlock      the rollup's last block
 * @param before          value per token just before the mass exit (L1 plus every live rollup)
 * @param after           the same just after, the settled rollup being gone
 * @param leftInEscrow    per token, what the escrows kept: the rollup's burnt base fees and withdrawals not yet paid
 */
public record Settlement(List<Claim> claims, Hash stateRoot, long finalBlock, Map<String, BigInteger> before, Map<String, BigInteger> after,
                         Map<String, BigInteger> credited, Map<String, BigInteger> leftInEscrow) {

    public static final String ETH = "ETH";
    public static final String ALT = "ALT";
    private static final Hash TRANSFER = Keccak.hash("Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII));

    /** True when every token's value is the same to the wei before and after. */
    public boolean valueConserved() {
        return before.equals(after);
    }

    /** The accounts credited (one claim per account and asset). */
    public int accountsCredited() {
        return (int) claims.stream().map(Claim::account).distinct().count();
    }

    /**
     * Settles {@code node} on {@code l1} (loop thread): its head must be its final block, proposed
     * as its last output on L1. {@code live} are the rollups still running besides it, whose value
     * enters both totals alike; {@code altHolders} everyone bridged ALT was ever sent to on it.
     * Throws with the reason when the mass exit refuses.
     */
    public static Settlement settle(EmbeddedL1 l1, RollupNode node, List<RollupNode> live, Set<Address> altHolders) {
        SealedBlock last = node.chain().head();
        WorldState state = node.state();
        Hash root = state.root();
        if (!root.equals(last.header().stateRoot())) throw new IllegalStateException("the rollup's state moved past its final block; it cannot settle");
        List<Claim> claims = claims(state, altHolders);
        List<RollupNode> all = new ArrayList<>(live);
        all.add(node);
        Map<String, BigInteger> before = value(l1, all);
        MassExit.Paid paid = MassExit.settle(l1, node.config().chainId(),
                new WithdrawalCalls.OutputRootProof(root, last.header().withdrawalsRoot(), last.hash()), claims);
        Map<String, BigInteger> after = value(l1, live);
        boolean altCoin = node.config().fees().feeToken().l1Token() != null;
        Map<String, BigInteger> credited = new TreeMap<>(Map.of(ETH, altCoin ? BigInteger.ZERO : paid.nativeTotal(),
                ALT, paid.bridgedAltTotal().add(altCoin ? paid.nativeTotal() : BigInteger.ZERO)));
        Map<String, BigInteger> left = escrow(l1, node.config().chainId(), altCoin);
        return new Settlement(List.copyOf(claims), root, last.number(), before, after, credited, left);
    }

    /** One claim per account holding the native coin, and one per holder of bridged ALT (found from its Transfer logs). */
    static List<Claim> claims(WorldState state, Set<Address> altHolders) {
        List<Claim> out = new ArrayList<>();
        for (Map.Entry<Address, Account> e : new TreeMap<>(state.accounts()).entrySet()) {
            BigInteger b = e.getValue().balance().value();
            if (b.signum() > 0) out.add(new Claim(Asset.NATIVE, e.getKey(), b, state.accountProof(e.getKey()), List.of()));
        }
        BigInteger found = BigInteger.ZERO;
        var tokenTrie = state.storageTrie(Alt.L2_TOKEN);
        List<byte[]> tokenProof = state.accountProof(Alt.L2_TOKEN);
        for (Address holder : altHolders) {
            BigInteger b = Alt.balance(state, Alt.L2_TOKEN, holder);
            if (b.signum() == 0) continue;
            found = found.add(b);
            out.add(new Claim(Asset.BRIDGED_ALT, holder, b, tokenProof, tokenTrie.proof(Keccak.digest(Alt.balanceSlot(holder).raw()))));
        }
        BigInteger supply = Alt.totalSupply(state, Alt.L2_TOKEN);
        if (!found.equals(supply)) {
            throw new IllegalStateException("bridged ALT on the rollup totals " + supply + " wei but its Transfer logs name holders of only " + found);
        }
        return out;
    }

    /**
     * Who a block sent bridged ALT to, from the token's Transfer logs: an ephemeral rollup collects
     * them block by block as it seals, since its oldest blocks leave memory before it settles.
     */
    static void altRecipients(dev.rollupstudio.chain.Block block, Set<Address> into) {
        for (Receipt r : block.receipts()) {
            for (Log log : r.logs()) {
                if (log.address().equals(Alt.L2_TOKEN) && log.topics().size() == 3 && log.topics().get(0).equals(TRANSFER)) {
                    into.add(Address.of(Arrays.copyOfRange(log.topics().get(2).raw(), 12, 32)));
                }
            }
        }
    }

    /**
     * Per token: every L1 holding, less what the live rollups' escrows hold for them, plus what
     * those rollups' escrows back (their holdings, burnt base fees and withdrawals on the way).
     * A mass exit moves value out of an escrow to its holders on L1, so it leaves this unchanged
     * exactly when every holding was paid and the escrow backed nothing else.
     */
    public static Map<String, BigInteger> value(EmbeddedL1 l1, List<RollupNode> live) {
        WorldState s = l1.state();
        BigInteger eth = s.accounts().values().stream().map(a -> a.balance().value()).reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger alt = Alt.totalSupply(s, Alt.L1_TOKEN);
        for (RollupNode n : live) {
            boolean altCoin = n.config().fees().feeToken().l1Token() != null;
            Map<String, BigInteger> escrow = escrow(l1, n.config().chainId(), altCoin);
            BigInteger coin = holdings(n.state()).add(n.chain().totals().burntBaseFees().value()).add(n.relayer().unfinishedValue());
            BigInteger bridged = Alt.totalSupply(n.state(), Alt.L2_TOKEN);
            eth = eth.subtract(escrow.get(ETH)).add(altCoin ? BigInteger.ZERO : coin);
            alt = alt.subtract(escrow.get(ALT)).add(bridged).add(altCoin ? coin : BigInteger.ZERO);
        }
        return new TreeMap<>(Map.of(ETH, eth, ALT, alt));
    }

    /** What L1 holds for the rollup: its portal's ETH (or ALT, when ALT is its coin) and its bridge's ALT. */
    static Map<String, BigInteger> escrow(EmbeddedL1 l1, long chainId, boolean altCoin) {
        WorldState s = l1.state();
        var portal = dev.rollupstudio.runtime.l1.SystemContracts.portal(chainId);
        BigInteger bridge = Alt.balance(s, Alt.L1_TOKEN, dev.rollupstudio.contracts.StandardBridge.l1Bridge(chainId));
        BigInteger inPortal = altCoin ? Alt.balance(s, Alt.L1_TOKEN, portal) : BigInteger.ZERO;
        return new TreeMap<>(Map.of(ETH, altCoin ? BigInteger.ZERO : s.balance(portal).value(), ALT, bridge.add(inPortal)));
    }

    private static BigInteger holdings(WorldState s) {
        return s.accounts().values().stream().map(a -> a.balance().value()).reduce(BigInteger.ZERO, BigInteger::add);
    }
}
