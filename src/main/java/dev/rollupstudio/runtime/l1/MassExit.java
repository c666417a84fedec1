package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.chain.rlp.RlpItem;
import dev.rollupstudio.chain.trie.MerklePatriciaTrie;
import dev.rollupstudio.chain.trie.TrieProof;
import dev.rollupstudio.contracts.Alt;
import dev.rollupstudio.contracts.StandardBridge;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.state.WorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An ending rollup's settlement on L1: every account's balance on the rollup at its final output
 * is paid out on L1, each claim checked against that output's state root with its Merkle proof,
 * and all of it once. Native balances are paid from the portal (in ETH, or in ALT when ALT is the
 * rollup's coin), bridged ALT from the rollup's L1 standard bridge. The claims are checked first
 * and paid only when all hold and the escrow covers them, so a bad claim pays nobody.
 *
 * <p>A simplification, said where users read it: the devnet settles in one act of its own, where
 * a real mass exit would be one L1 transaction per claim (or per batch of claims).
 */
public final class MassExit {
    /** Nonzero once the rollup has settled: a second settlement is refused. */
    private static final Hash SETTLED_SLOT = Keccak.hash("rollupstudio.portal.settled".getBytes(StandardCharsets.US_ASCII));

    public enum Asset { NATIVE, BRIDGED_ALT }

    /**
     * One account's balance of {@code asset} at the final state root: the account trie's proof of
     * the holder (native) or of the bridged ALT token with the storage proof of the holder's slot.
     */
    public record Claim(Asset asset, Address account, BigInteger amount, List<byte[]> accountProof, List<byte[]> storageProof) {}

    /** What was paid: native coin (wei of ETH, or of ALT when it is the coin) and bridged ALT, and to how many accounts. */
    public record Paid(BigInteger nativeTotal, BigInteger bridgedAltTotal, int accounts) {}

    private MassExit() {}

    /**
     * Settles {@code chainId} (loop thread, L1 state): {@code root} must open the rollup's latest
     * output on L1, every claim must prove its amount against {@code root.stateRoot()}, and the
     * escrows must cover the totals. Throws {@link IllegalStateException} with the reason otherwise,
     * having paid nothing.
     */
    public static Paid settle(EmbeddedL1 l1, long chainId, WithdrawalCalls.OutputRootProof root, List<Claim> claims) {
        MutableWorldState state = l1.state();
        Address portal = SystemContracts.portal(chainId);
        if (state.storage(portal, SETTLED_SLOT).signum() != 0) throw new IllegalStateException("rollup " + chainId + " has already settled");
        List<OutputProposal> outputs = l1.outputs(chainId);
        if (outputs.isEmpty()) throw new IllegalStateException("rollup " + chainId + " has no output on L1 to settle against");
        OutputProposal last = outputs.get(outputs.size() - 1);
        if (!OutputRoot.of(root.stateRoot(), root.messagePasserStorageRoot(), root.blockHash()).equals(last.outputRoot())) {
            throw new IllegalStateException("the state root given does not open rollup " + chainId + "'s last output (L2 block " + last.l2BlockNumber() + ")");
        }
        BigInteger nativeTotal = BigInteger.ZERO, bridged = BigInteger.ZERO;
        for (Claim c : claims) {
            BigInteger proven = proven(root.stateRoot(), c);
            if (!proven.equals(c.amount())) {
                throw new IllegalStateException(c.account() + " claims " + c.amount() + " of " + c.asset() + " but the proof against the final state root shows " + proven);
            }
            if (c.asset() == Asset.NATIVE) nativeTotal = nativeTotal.add(c.amount());
            else bridged = bridged.add(c.amount());
        }
        if (!(l1.natives().get(portal) instanceof OptimismPortal p)) throw new IllegalStateException("rollup " + chainId + " is not registered on this L1");
        Address gasToken = p.gasToken();
        Address bridge = StandardBridge.l1Bridge(chainId);
        BigInteger nativeEscrow = gasToken == null ? state.balance(portal).value() : Alt.balance(state, Alt.L1_TOKEN, portal);
        if (nativeEscrow.compareTo(nativeTotal) < 0) throw new IllegalStateException("the portal holds " + nativeEscrow + ", less than the " + nativeTotal + " claimed");
        BigInteger altEscrow = Alt.balance(state, Alt.L1_TOKEN, bridge);
        if (altEscrow.compareTo(bridged) < 0) throw new IllegalStateException("the L1 bridge holds " + altEscrow + " ALT wei, less than the " + bridged + " claimed");
        for (Claim c : claims) {
            if (c.amount().signum() == 0) continue;
            if (c.asset() == Asset.BRIDGED_ALT) Alt.devnetTransfer(state, EmbeddedL1.CHAIN_ID, bridge, c.account(), c.amount());
            else if (gasToken != null) Alt.devnetTransfer(state, EmbeddedL1.CHAIN_ID, portal, c.account(), c.amount());
            else {
                l1.ledger().unlock(chainId, Wei.of(c.amount()));
                l1.ledger().credit(c.account(), Wei.of(c.amount()));
            }
        }
        state.setStorage(portal, SETTLED_SLOT, BigInteger.ONE);
        return new Paid(nativeTotal, bridged, claims.size());
    }

    public static boolean settled(WorldState l1, long chainId) {
        return l1.storage(SystemContracts.portal(chainId), SETTLED_SLOT).signum() != 0;
    }

    /** The amount {@code c}'s proofs show at {@code stateRoot}; throws when a proof does not hold. */
    public static BigInteger proven(Hash stateRoot, Claim c) {
        Address holder = c.asset() == Asset.NATIVE ? c.account() : Alt.L2_TOKEN;
        byte[] account = TrieProof.verify(stateRoot, Keccak.digest(holder.raw()), c.accountProof());
        if (account == null) return BigInteger.ZERO;
        List<RlpItem> fields = Rlp.decode(account).list();
        if (c.asset() == Asset.NATIVE) return new BigInteger(1, fields.get(1).bytes());
        Hash storageRoot = Hash.of(fields.get(2).bytes());
        if (storageRoot.equals(MerklePatriciaTrie.EMPTY_ROOT)) return BigInteger.ZERO;
        byte[] value = TrieProof.verify(storageRoot, Keccak.digest(Alt.balanceSlot(c.account()).raw()), c.storageProof());
        return value == null ? BigInteger.ZERO : new BigInteger(1, Rlp.decode(value).bytes());
    }
}
