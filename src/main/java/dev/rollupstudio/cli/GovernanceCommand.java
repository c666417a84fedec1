package dev.rollupstudio.cli;

import dev.rollupstudio.app.WalletGovernance;
import dev.rollupstudio.app.WalletService;
import dev.rollupstudio.chain.Eip55;
import dev.rollupstudio.contracts.Governance.Change;
import dev.rollupstudio.contracts.Governance.ChangeKind;
import dev.rollupstudio.contracts.Governance.Support;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Amount;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * ALT governance from the command line, signing with the wallet's keystore: propose a change to a
 * running rollup (or to governance itself), vote, queue the passed proposal in the timelock and
 * execute it once the delay has passed; {@code list} shows each proposal with its countdown.
 */
@Command(name = "gov", mixinStandardHelpOptions = true,
        description = "ALT governance on the devnet's L1 (OpenZeppelin Governor + TimelockController): proposals, votes, timelock.",
        subcommands = {GovernanceCommand.ListCmd.class, GovernanceCommand.ProposeCmd.class, GovernanceCommand.VoteCmd.class,
                GovernanceCommand.QueueCmd.class, GovernanceCommand.ExecuteCmd.class})
final class GovernanceCommand implements Runnable {
    @Override public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every proposal, newest first: its state, votes, and what comes next and when.")
    static final class ListCmd implements Callable<Integer> {
        @Mixin WalletCommand.NodeOptions node;

        @Override public Integer call() {
            List<WalletGovernance.Proposal> all = node.connect().governance().proposals();
            if (all.isEmpty()) System.out.println("no proposals yet; make one with `rollup-studio gov propose`");
            for (WalletGovernance.Proposal p : all) print(p);
            return 0;
        }
    }

    static void print(WalletGovernance.Proposal p) {
        System.out.println(p.shortId() + "  " + p.description());
        System.out.println("    " + p.state().name().toLowerCase(Locale.ROOT) + "; " + p.next());
        System.out.println("    for " + alt(p.forVotes()) + ", against " + alt(p.against()) + ", abstain " + alt(p.abstain()) + " (quorum " + alt(p.quorum())
                + "); proposed by " + Eip55.checksum(p.proposer()));
        System.out.println("    id " + p.id());
    }

    private static String alt(BigInteger units) {
        return Amount.of(units, Amount.Token.ALT).display();
    }

    @Command(name = "propose", mixinStandardHelpOptions = true,
            description = "Propose one change: a rollup's gas limit, its L1 fee scalars or its MACH quorum, the governance quorum, or a component admitted to the RaaS catalog.")
    static final class ProposeCmd extends WalletCommand.Signing {
        @Option(names = "--chain", description = "the rollup the change is for (default: the one --rpc serves)") Long chain;
        @Option(names = "--gas-limit", paramLabel = "GAS", description = "the rollup's new block gas limit") String gasLimit;
        @Option(names = "--fee-scalars", paramLabel = "BASE,BLOB", description = "the rollup's new L1 fee scalars (OP Stack's baseFeeScalar and blobBaseFeeScalar)") String scalars;
        @Option(names = "--mach-quorum", paramLabel = "PCT", description = "the share of restaked stake MACH needs, 1 to 100") String machQuorum;
        @Option(names = "--quorum", paramLabel = "ALT", description = "the governance quorum, in whole ALT") String quorum;
        @Option(names = "--admit", paramLabel = "LAYER/ID", description = "a component the RaaS catalog does not list yet, e.g. dataAvailability/local") String admit;

        @Override public Integer call() {
            WalletService w = node.connect();
            long id = chain != null ? chain : w.rollups().get(0).chainId();
            List<Change> changes = new ArrayList<>();
            if (gasLimit != null) changes.add(ChangeKind.GAS_LIMIT.of(id, gasLimit));
            if (scalars != null) changes.add(ChangeKind.FEE_SCALARS.of(id, scalars));
            if (machQuorum != null) changes.add(ChangeKind.MACH_QUORUM.of(id, machQuorum));
            if (quorum != null) changes.add(ChangeKind.QUORUM.of(id, quorum));
            if (admit != null) changes.add(ChangeKind.ADMIT_COMPONENT.of(id, admit));
            if (changes.size() != 1) {
                throw new IllegalArgumentException("give exactly one change: --gas-limit, --fee-scalars, --mach-quorum, --quorum or --admit");
            }
            sendAndWait(w, w.governance().propose(Eip55.parse(from), changes.get(0)));
            print(w.governance().proposal(changes.get(0).proposalId().toString()));
            return 0;
        }
    }

    @Command(name = "vote", mixinStandardHelpOptions = true, description = "Vote on an open proposal with the ALT delegated to you at its snapshot.")
    static final class VoteCmd extends WalletCommand.Signing {
        @Parameters(index = "0", paramLabel = "PROPOSAL", description = "its number (#3) or id") String proposal;
        @Parameters(index = "1", paramLabel = "SUPPORT", description = "for, against or abstain") String support;

        @Override public Integer call() {
            Support s = switch (support.toLowerCase(Locale.ROOT)) {
                case "for", "yes" -> Support.FOR;
                case "against", "no" -> Support.AGAINST;
                case "abstain" -> Support.ABSTAIN;
                default -> throw new IllegalArgumentException("vote for, against or abstain, not " + support);
            };
            WalletService w = node.connect();
            sendAndWait(w, w.governance().vote(Eip55.parse(from), proposal, s));
            print(w.governance().proposal(proposal));
            return 0;
        }
    }

    /** Sends what {@code prepare} makes of the account and the proposal, then prints where the proposal stands. */
    abstract static class OnProposal extends WalletCommand.Signing {
        @Parameters(paramLabel = "PROPOSAL", description = "its number (#3) or id") String proposal;

        abstract WalletService.Prepared prepare(WalletGovernance g, Address sender);

        @Override public Integer call() {
            WalletService w = node.connect();
            sendAndWait(w, prepare(w.governance(), Eip55.parse(from)));
            print(w.governance().proposal(proposal));
            return 0;
        }
    }

    @Command(name = "queue", mixinStandardHelpOptions = true, description = "Queue a passed proposal in the timelock (anyone may).")
    static final class QueueCmd extends OnProposal {
        @Override WalletService.Prepared prepare(WalletGovernance g, Address sender) {
            return g.queue(sender, proposal);
        }
    }

    @Command(name = "execute", mixinStandardHelpOptions = true, description = "Execute a queued proposal once the timelock's delay has passed (anyone may).")
    static final class ExecuteCmd extends OnProposal {
        @Override WalletService.Prepared prepare(WalletGovernance g, Address sender) {
            return g.execute(sender, proposal);
        }
    }
}
