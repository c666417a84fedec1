package dev.rollupstudio.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollupstudio.chain.Eip55;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.contracts.Alt;
import dev.rollupstudio.contracts.Governance;
import dev.rollupstudio.contracts.Governance.Change;
import dev.rollupstudio.contracts.Governance.State;
import dev.rollupstudio.contracts.Governance.Support;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Amount;
import dev.rollupstudio.types.Amount.Token;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.wallet.RpcClient;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ALT governance from the wallet, on L1 through its endpoint: propose a change, vote with the
 * account's delegated ALT, queue a passed proposal in the timelock and execute it once the delay
 * has passed; each refused up front with the reason and when it can be done. Proposals are listed
 * from the Governor's logs and storage, with where each stands and what comes next.
 */
public final class WalletGovernance {
    /** The embedded L1's slot, to turn blocks into a wait people read. */
    private static final long SLOT_SECONDS = 12;
    private final WalletService w;

    WalletGovernance(WalletService w) {
        this.w = w;
    }

    /** One proposal as voters see it: where it stands, the votes, and what comes next and when. */
    public record Proposal(int number, BigInteger id, Address proposer, String description, State state, BigInteger forVotes, BigInteger against,
                           BigInteger abstain, BigInteger quorum, long snapshotBlock, long deadlineBlock, long eta, String next) {
        /** How the wallet names it: its number on this devnet (the first proposal is #1). */
        public String shortId() {
            return "#" + number;
        }
    }

    /** Proposes {@code change}: the account must hold the proposal threshold in votes. */
    public WalletService.Prepared propose(Address from, Change change) {
        BigInteger votes = votesOf(from);
        BigInteger threshold = uint(governor(from, Abi.call("proposalThreshold()")));
        if (votes.compareTo(threshold) < 0) {
            throw new IllegalArgumentException(Eip55.checksum(from) + " has " + alt(votes) + " of votes; proposing needs " + alt(threshold)
                    + " (delegated ALT: hold ALT and delegate it to yourself)");
        }
        State existing = stateOrNull(from, change.proposalId());
        if (existing != null) {
            throw new IllegalArgumentException("this proposal exists already (id " + change.proposalId() + ", " + word(existing) + "); vote on it instead");
        }
        return onL1(WalletService.Kind.PROPOSE, from, "propose: " + change.description(), Governance.GOVERNOR, change.proposeCall());
    }

    /** Votes on proposal {@code id} with the votes {@code from} held at its snapshot. */
    public WalletService.Prepared vote(Address from, String proposal, Support support) {
        Proposal p = proposal(proposal);
        BigInteger id = p.id();
        if (p.state() != State.ACTIVE) throw new IllegalArgumentException("proposal " + p.shortId() + " is not open for votes: " + p.next());
        if (uint(governor(from, Abi.call("hasVoted(uint256,address)", id, from))).signum() != 0) {
            throw new IllegalArgumentException(Eip55.checksum(from) + " has voted on proposal " + p.shortId() + " already");
        }
        BigInteger weight = uint(governor(from, Abi.call("getVotes(address,uint256)", from, p.snapshotBlock())));
        if (weight.signum() == 0) {
            throw new IllegalArgumentException(Eip55.checksum(from) + " had no votes at the proposal's snapshot (L1 block " + p.snapshotBlock()
                    + "): ALT counts once delegated, before a proposal's snapshot");
        }
        return onL1(WalletService.Kind.VOTE, from, "vote " + support.name().toLowerCase(Locale.ROOT) + " on \"" + p.description() + "\" with " + alt(weight),
                Governance.GOVERNOR, Abi.call("castVote(uint256,uint8)", id, support.ordinal()));
    }

    /** Queues a passed proposal in the timelock (anyone may). */
    public WalletService.Prepared queue(Address from, String proposal) {
        Proposal p = proposal(proposal);
        BigInteger id = p.id();
        if (p.state() != State.SUCCEEDED) throw new IllegalArgumentException("proposal " + p.shortId() + " cannot be queued: " + p.next());
        return onL1(WalletService.Kind.QUEUE, from, "queue \"" + p.description() + "\" in the timelock", Governance.GOVERNOR, Abi.call("queue(uint256)", id));
    }

    /** Executes a queued proposal once the timelock's delay has passed (anyone may). */
    public WalletService.Prepared execute(Address from, String proposal) {
        Proposal p = proposal(proposal);
        BigInteger id = p.id();
        if (p.state() != State.QUEUED || p.eta() > now()) throw new IllegalArgumentException("proposal " + p.shortId() + " cannot run yet: " + p.next());
        return onL1(WalletService.Kind.EXECUTE, from, "execute \"" + p.description() + "\"", Governance.GOVERNOR, Abi.call("execute(uint256)", id));
    }

    /** Every proposal ever made, newest first, numbered from the first (#1). */
    public List<Proposal> proposals() {
        List<Proposal> out = new ArrayList<>();
        JsonNode latest = w.l1().rpc().call("eth_getBlockByNumber", "latest", false); // one head for every countdown
        Head head = new Head(RpcClient.quantity(latest.get("number")).longValueExact(), RpcClient.quantity(latest.get("timestamp")).longValueExact());
        java.util.Map<BigInteger, Long> executed = new java.util.HashMap<>();
        for (JsonNode log : w.l1Logs(Governance.GOVERNOR, "ProposalExecuted(uint256)", null, null)) {
            executed.put(Abi.uint(Bytes.fromHex(log.get("data").asText()), 0), RpcClient.quantity(log.get("blockNumber")).longValueExact());
        }
        for (JsonNode log : w.l1Logs(Governance.GOVERNOR, "ProposalCreated(uint256,address,address[],uint256[],string[],bytes[],uint256,uint256,string)",
                null, null)) {
            byte[] data = Bytes.fromHex(log.get("data").asText());
            out.add(0, read(out.size() + 1, Abi.uint(data, 0), Abi.address(data, 1), Abi.string(data, 8), head, executed));
        }
        return out;
    }

    /** A proposal by its number ({@code 3} or {@code #3}) or its full id, as the Governor knows it. */
    public Proposal proposal(String numberOrId) {
        String s = numberOrId.startsWith("#") ? numberOrId.substring(1) : numberOrId;
        if (!s.matches("[0-9]{1,78}")) throw new IllegalArgumentException("name a proposal by its number (#3) or its id (decimal), not " + numberOrId);
        BigInteger n = new BigInteger(s);
        for (Proposal p : proposals()) if (p.id().equals(n) || (s.length() <= 6 && p.number() == n.intValue())) return p;
        throw new IllegalArgumentException("no proposal " + numberOrId + " on this devnet; `rollup-studio gov list` shows them");
    }

    /** Votes {@code who} holds now: its delegated ALT. */
    public BigInteger votesOf(Address who) {
        return uint(w.l1().rpc().call(who, Alt.L1_TOKEN, Abi.call("getVotes(address)", who)));
    }

    /** The L1 head a listing reads its countdowns against: its number and time. */
    private record Head(long number, long timestamp) {}

    private Proposal read(int number, BigInteger id, Address proposer, String description, Head head, java.util.Map<BigInteger, Long> executed) {
        State state = State.values()[uint(governor(proposer, Abi.call("state(uint256)", id))).intValueExact()];
        byte[] votes = governor(proposer, Abi.call("proposalVotes(uint256)", id));
        long snapshot = uint(governor(proposer, Abi.call("proposalSnapshot(uint256)", id))).longValueExact();
        long deadline = uint(governor(proposer, Abi.call("proposalDeadline(uint256)", id))).longValueExact();
        long eta = uint(governor(proposer, Abi.call("proposalEta(uint256)", id))).longValueExact();
        BigInteger quorum = uint(governor(proposer, Abi.call("quorum(uint256)", snapshot)));
        BigInteger forVotes = Abi.uint(votes, 1), against = Abi.uint(votes, 0), abstain = Abi.uint(votes, 2);
        return new Proposal(number, id, proposer, description, state, forVotes, against, abstain, quorum, snapshot, deadline, eta,
                next(state, forVotes, against, abstain, quorum, snapshot, deadline, eta, head, executed.getOrDefault(id, -1L)));
    }

    /** What comes next for a proposal, and when: the countdown the wallet shows. */
    private static String next(State state, BigInteger forVotes, BigInteger against, BigInteger abstain, BigInteger quorum, long snapshot, long deadline,
                               long eta, Head head, long executedIn) {
        return switch (state) {
            case PENDING -> "voting opens in " + blocks(snapshot + 1 - head.number());
            case ACTIVE -> "voting ends in " + blocks(deadline + 1 - head.number());
            case SUCCEEDED -> "passed; queue it in the timelock (anyone may)";
            case QUEUED -> eta > head.timestamp() ? "executable in " + WalletStaking.span(eta - head.timestamp()) : "executable now (anyone may)";
            case EXECUTED -> "ran in L1 block " + executedIn;
            case DEFEATED -> forVotes.add(abstain).compareTo(quorum) < 0
                    ? "defeated: " + alt(forVotes.add(abstain)) + " voted for or abstained, short of the " + alt(quorum) + " quorum"
                    : "defeated: " + alt(against) + " against, " + alt(forVotes) + " for";
            case CANCELED -> "canceled";
            case EXPIRED -> "expired: not executed in time";
        };
    }

    private static String blocks(long n) {
        long b = Math.max(1, n);
        return b + (b == 1 ? " L1 block" : " L1 blocks") + " (~" + WalletStaking.span(b * SLOT_SECONDS) + ")";
    }

    private static String word(State s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private State stateOrNull(Address from, BigInteger id) {
        try {
            return State.values()[uint(governor(from, Abi.call("state(uint256)", id))).intValueExact()];
        } catch (RpcClient.RpcError e) {
            return null; // GovernorNonexistentProposal
        }
    }

    private long now() {
        return RpcClient.quantity(w.l1().rpc().call("eth_getBlockByNumber", "latest", false).get("timestamp")).longValueExact();
    }

    private byte[] governor(Address from, byte[] data) {
        return w.l1().rpc().call(from, Governance.GOVERNOR, data);
    }

    private WalletService.Prepared onL1(WalletService.Kind kind, Address from, String what, Address to, byte[] data) {
        List<UnsignedTransaction> txs = List.of(w.tx(w.l1(), from, to, BigInteger.ZERO, data));
        return w.checked(new WalletService.Prepared(kind, w.l1(), from, what, Amount.of(BigInteger.ZERO, Token.ALT), txs, w.quote(w.l1(), from, txs)));
    }

    private static BigInteger uint(byte[] word) {
        return WalletService.uint(word);
    }

    private static String alt(BigInteger units) {
        return Amount.of(units, Token.ALT).display();
    }
}
