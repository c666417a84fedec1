package dev.rollupstudio.ui.wallet;

import dev.rollupstudio.app.WalletService;
import dev.rollupstudio.types.Amount;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.ui.wallet.WalletViewModel.AccountRow;
import dev.rollupstudio.ui.wallet.WalletViewModel.BalanceRow;
import dev.rollupstudio.ui.wallet.WalletViewModel.HistoryRow;
import dev.rollupstudio.ui.wallet.WalletViewModel.NetworkRow;
import dev.rollupstudio.ui.wallet.WalletViewModel.StakeRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One read, off the FX thread, of what the Wallet screen shows for an account (none selected:
 * only the chains and proposals): its balances, stakes and history from the endpoints.
 */
record WalletReading(List<BalanceRow> balances, List<StakeRow> stakes, List<ProposalRow> proposals, List<NetworkRow> networks,
                     List<HistoryRow> history, List<HistoryRow> fees) {

    /** {@code withdrawals} keeps each withdrawal's last known step, so a finalized one is not asked again. */
    static WalletReading read(WalletService s, AccountRow a, Map<Hash, String> withdrawals) {
        List<BalanceRow> rows = a == null ? List.of()
                : s.balances(a.address()).stream().map(b -> new BalanceRow(b.chain().toString(), b.coin().display(), b.alt().display())).toList();
        List<StakeRow> staked = a == null ? List.of() : s.staking().positions(a.address()).stream().map(p -> new StakeRow(p.where(),
                Amount.of(p.worth(), Amount.Token.ALT).display(), Amount.of(p.cooling(), Amount.Token.ALT).display(),
                (p.earned().signum() < 0 ? "-" : "") + Amount.of(p.earned().abs(), Amount.Token.ALT).display(), p.status())).toList();
        List<ProposalRow> props = s.governance().proposals().stream().map(ProposalRow::of).toList();
        List<NetworkRow> nets = s.chains().stream().map(c -> new NetworkRow("Rollup Studio " + c.name(), c.chainId(), c.rpc().url(), c.nativeToken().symbol())).toList();
        List<HistoryRow> hist = new ArrayList<>(), paid = new ArrayList<>();
        for (WalletService.Sent sent : s.history()) {
            if (a == null || !sent.from().equals(a.address())) continue; // the selected account's own
            hist.add(new HistoryRow(sent.hash(), sent.chain().name(), sent.what(), status(s, sent, withdrawals)));
        }
        if (a != null) {
            long finalized = s.l1().rpc().blockNumber("finalized");
            for (WalletService.FeePaid f : s.feesPaid(a.address())) {
                paid.add(new HistoryRow(f.hash(), "L1", "RaaS fee: " + f.amount() + " to the treasury",
                        (f.l1Block() <= finalized ? "finalized" : "included") + " (L1 block " + f.l1Block() + ")"));
            }
        }
        return new WalletReading(rows, staked, props, nets, hist, paid);
    }

    private static String status(WalletService s, WalletService.Sent sent, Map<Hash, String> withdrawals) {
        WalletService.Progress p = s.progress(sent);
        String st = p.status().name().toLowerCase(Locale.ROOT) + (p.block() >= 0 ? " (block " + p.block() + ")" : "");
        if (sent.kind() == WalletService.Kind.WITHDRAWAL && p.status() != WalletService.Status.PENDING && p.status() != WalletService.Status.FAILED) {
            String known = withdrawals.get(sent.hash());
            if (known == null || !known.equals("finalized")) {
                WalletService.WithdrawalSteps steps = s.withdrawalSteps(sent);
                known = steps == null ? "no withdrawal" : steps.step();
                withdrawals.put(sent.hash(), known);
            }
            st += " · withdrawal " + known;
        }
        return st;
    }
}
