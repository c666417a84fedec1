package dev.rollupstudio.runtime.fault;

import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.event.BlockSealed;
import dev.rollupstudio.runtime.event.RuntimeEvent;
import dev.rollupstudio.runtime.rollup.TxPool;
import dev.rollupstudio.types.Address;

/**
 * For three minutes the sequencer leaves one user's transactions out of its blocks while it
 * includes everyone else's. The user's wallet notices its transaction waiting ten blocks while
 * blocks have room, and forces it through L1: the same call as a deposit through the portal,
 * which the sequencer must include once its chain reaches that L1 block, as a block without its
 * epoch's deposits does not derive. The censored transaction, its nonce taken, leaves the pool.
 */
final class SequencerCensors extends ActiveFault {
    static final long CENSOR_MILLIS = 180_000;
    static final int PATIENCE_BLOCKS = 10;
    private int victim = -1;
    private Address victimAddress;
    private long skipsBefore;
    private Transaction waiting;
    private long forcedAt = -1;
    private dev.rollupstudio.types.Hash forcedL1;
    private long checkedL1From;
    private long endedAt = -1;

    SequencerCensors(RollupRuntime rt) {
        super(FaultKind.SEQUENCER_CENSORS, rt);
    }

    @Override void start() {
        skipsBefore = rt.node().sequencer().censoredSkips();
        pickVictim();
        rt.scheduler().at(injectedAt + CENSOR_MILLIS, 5, () -> {
            rt.node().sequencer().censor(null);
            endedAt = now();
        });
    }

    /** The dev account with the oldest transaction in the pool: the user the sequencer turns against. */
    private void pickVictim() {
        TxPool.Entry oldest = null;
        for (TxPool.Entry e : rt.node().pool().entries()) {
            if (oldest == null || e.submittedAtMillis() < oldest.submittedAtMillis()) oldest = e;
        }
        if (oldest == null) return;
        var accounts = rt.accounts();
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.address(i).equals(oldest.sender())) {
                victim = i;
                victimAddress = oldest.sender();
                rt.node().sequencer().censor(victimAddress);
                return;
            }
        }
    }

    @Override void tick() {
        if (endedAt >= 0) return;
        if (victim < 0) {
            pickVictim();
            return;
        }
        if (forcedAt >= 0) {
            if (forcedAt != Long.MAX_VALUE && outcome.equals("under way")) watchL1();
            return;
        }
        // the wallet's view: its next transaction still pending after ten blocks that had room for it
        TxPool.Entry next = rt.node().pool().entry(victimAddress, rt.node().state().nonce(victimAddress));
        long blockTime = rt.options().rollup().blockTimeMillis();
        var head = rt.node().chain().head().header();
        if (next == null || now() - next.submittedAtMillis() < PATIENCE_BLOCKS * blockTime || head.gasUsed() + next.tx().gasLimit() > head.gasLimit()) return;
        waiting = next.tx();
        detected("the user's wallet: transaction " + waiting.hash().shortHex() + " from " + victimAddress + " waited " + secondsSince(next.submittedAtMillis())
                + " (" + PATIENCE_BLOCKS + "+ blocks) while blocks had room for it");
        var cfg = rt.options().rollup();
        java.util.List<Transaction> forced = dev.rollupstudio.runtime.l1.DepositCalls.of(rt.l1(), rt.accounts(), victim, cfg.chainId(), cfg.fees().feeToken().l1Token(),
                waiting.to(), waiting.value(), waiting.gasLimit(), waiting.data());
        for (Transaction t : forced) {
            String no = rt.l1().submit(t);
            if (no != null) {
                outcome = "the wallet could not force the transaction through L1: " + no;
                forcedAt = Long.MAX_VALUE;
                return;
            }
        }
        forcedAt = now();
        forcedL1 = forced.get(forced.size() - 1).hash();
        checkedL1From = rt.l1().head().number() + 1;
    }

    /** The forced deposit's L1 receipt: a revert ends the story there. */
    private void watchL1() {
        for (long n = checkedL1From; n <= rt.l1().head().number(); n++) {
            var b = rt.l1().block(n);
            for (int i = 0; i < b.transactions().size(); i++) {
                if (b.transactions().get(i).hash().equals(forcedL1) && !b.receipts().get(i).success()) {
                    outcome = "the wallet's forced deposit " + forcedL1.shortHex() + " reverted in L1 block " + n;
                    forcedAt = Long.MAX_VALUE;
                }
            }
        }
        checkedL1From = rt.l1().head().number() + 1;
    }

    @Override void onEvent(RuntimeEvent e) {
        if (forcedAt < 0 || forcedAt == Long.MAX_VALUE || !outcome.equals("under way") || !(e instanceof BlockSealed b)) return;
        for (Transaction t : b.block().transactions()) {
            if (!t.isDeposit() || !victimAddress.equals(t.sender()) || !java.util.Arrays.equals(t.data(), waiting.data())) continue;
            long skipped = rt.node().sequencer().censoredSkips() - skipsBefore;
            outcome = "the sequencer left " + victimAddress + "'s transactions out of " + skipped + " block(s); its wallet forced transaction "
                    + waiting.hash().shortHex() + " through L1 (portal deposit " + forcedL1.shortHex() + ") and L2 block " + b.block().number()
                    + " included it as a deposit " + secondsSince(forcedAt) + " later, " + secondsSince(injectedAt) + " after the censoring began;"
                    + " the sequencer could not leave it out: a block without its L1 origin's deposits does not derive";
            return;
        }
    }
}
