package dev.rollupstudio.ui.wallet;

import dev.rollupstudio.app.WalletChain;
import dev.rollupstudio.app.WalletService;
import dev.rollupstudio.contracts.Governance;
import dev.rollupstudio.chain.Eip55;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Amount;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.wallet.DevAccounts;
import dev.rollupstudio.wallet.Keystore;
import dev.rollupstudio.wallet.Mnemonics;
import dev.rollupstudio.wallet.UnlockedAccount;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Wallet screen's state and commands: the user's accounts (keystore files, unlocked by
 * password, locked on demand or after an idle time) and the running devnet's dev accounts, kept
 * apart; balances on every chain; sends, deposits and withdrawals with a fee preview; the
 * history with each transaction's status; and what a wallet such as MetaMask needs to add each
 * chain. All chain work goes through {@link WalletService} (JSON-RPC) on a background executor.
 * No property, message or log ever holds a key, a word or a password.
 */
public final class WalletViewModel {
    /** An account the screen lists: the user's own, or a dev account of the devnet. */
    public record AccountRow(Address address, boolean dev, int index) {
        /** "Dev account 0" or "Account 1". */
        public String title() {
            return (dev ? "Dev account " : "Account ") + index;
        }

        public String label() {
            return title() + "  " + Eip55.checksum(address);
        }
    }

    /** A chain's native coin (ETH, or ALT where ALT pays the fees) and the ALT token (the ERC-20). */
    public record BalanceRow(String chain, String coin, String alt) {}

    /** One staking position: the stALT vault or a delegation, its worth, what waits in a cooldown, what it earned or lost, its state. */
    public record StakeRow(String where, String worth, String cooling, String earned, String status) {}

    public record HistoryRow(Hash hash, String chain, String what, String status) {}

    /** What MetaMask's "add network" asks for. */
    public record NetworkRow(String name, long chainId, String rpcUrl, String currency) {}

    private final Keystore keystore;
    private final DevAccounts dev;
    private final Supplier<Optional<WalletService>> service;
    private final Executor background;
    private final Executor fx;
    private final Supplier<Long> clock;
    private final ObservableList<AccountRow> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<AccountRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<BalanceRow> balances = FXCollections.observableArrayList();
    private final ObservableList<StakeRow> stakes = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> fees = FXCollections.observableArrayList();
    private final ObservableList<NetworkRow> networks = FXCollections.observableArrayList();
    private final ObservableList<ProposalRow> proposals = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty preview = new SimpleStringProperty("");
    private final BooleanProperty locked = new SimpleBooleanProperty(true);
    private final BooleanProperty connected = new SimpleBooleanProperty();
    private final IntegerProperty idleLockMinutes = new SimpleIntegerProperty(5);
    private final Map<Address, UnlockedAccount> unlocked = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Hash, String> withdrawals = new HashMap<>();
    private long lastUse;

    /**
     * {@code service}: the wallet on the running devnet's endpoints, if one runs; {@code clock}:
     * wall milliseconds, for the idle lock.
     */
    public WalletViewModel(Keystore keystore, DevAccounts dev, Supplier<Optional<WalletService>> service, Executor background, Executor fx,
                           Supplier<Long> clock) {
        this.keystore = keystore;
        this.dev = dev;
        this.service = service;
        this.background = background;
        this.fx = fx;
        this.clock = clock;
        selected.addListener((o, a, b) -> {
            preview.set("");
            refresh();
        });
        locked.set(true);
    }

    public ObservableList<AccountRow> accounts() { return accounts; }
    public ObjectProperty<AccountRow> selectedProperty() { return selected; }
    public ObservableList<BalanceRow> balances() { return balances; }
    public ObservableList<StakeRow> stakes() { return stakes; }
    public ObservableList<HistoryRow> history() { return history; }
    /** The RaaS fees paid, newest first. */
    public ObservableList<HistoryRow> fees() { return fees; }
    public ObservableList<NetworkRow> networks() { return networks; }
    /** ALT governance's proposals, newest first. */
    public ObservableList<ProposalRow> proposals() { return proposals; }
    public StringProperty messageProperty() { return message; }
    public StringProperty previewProperty() { return preview; }
    public BooleanProperty lockedProperty() { return locked; }
    public BooleanProperty connectedProperty() { return connected; }
    public IntegerProperty idleLockMinutesProperty() { return idleLockMinutes; }

    /** Reads the keystore's accounts and the dev accounts; keeps the selection if it is still there. */
    public void loadAccounts() {
        loadAccounts(null);
    }

    /** As above, then selects {@code select} (an account just added) if given. */
    private void loadAccounts(Address select) {
        AccountRow keep = selected.get();
        background.execute(() -> {
            List<AccountRow> rows = new ArrayList<>();
            List<Address> own;
            try {
                own = keystore.accounts();
            } catch (RuntimeException e) {
                own = List.of();
                fx.execute(() -> message.set(e.getMessage()));
            }
            for (int i = 0; i < own.size(); i++) rows.add(new AccountRow(own.get(i), false, i));
            for (int i = 0; i < dev.size(); i++) rows.add(new AccountRow(dev.address(i), true, i));
            fx.execute(() -> {
                accounts.setAll(rows);
                AccountRow added = rows.stream().filter(r -> !r.dev() && r.address().equals(select)).findFirst().orElse(null);
                selected.set(added != null ? added : rows.contains(keep) ? keep : rows.isEmpty() ? null : rows.get(0));
            });
        });
    }

    // --- keys -----------------------------------------------------------------------------------

    /** New BIP-39 words for the create dialog; kept by the dialog only until saved or cancelled. */
    public String newWords(int count) {
        return Mnemonics.generate(count);
    }

    /**
     * Saves a new or imported HD wallet once the words are valid ({@code confirmed}: the user typed
     * the chosen words back correctly; an import passes true). Its first account becomes selected.
     */
    public void saveMnemonic(String words, String passphrase, int count, String password, boolean confirmed, Runnable done) {
        if (!confirmed) {
            message.set("The words you typed back do not match; nothing was saved. Check what you wrote down.");
            return;
        }
        work(() -> keystore.addMnemonic(words, passphrase, count, password), added -> {
            message.set("Saved " + added.size() + (added.size() == 1 ? " account" : " accounts") + ", encrypted with your password.");
            loadAccounts(added.get(0));
            done.run();
        });
    }

    public void importKey(String hex, String password, Runnable done) {
        work(() -> keystore.addPrivateKey(hex, password), a -> {
            message.set("Imported " + Eip55.checksum(a) + ".");
            loadAccounts(a);
            done.run();
        });
    }

    public void importFile(Path file, String password, Runnable done) {
        work(() -> keystore.importFile(file, password), a -> {
            message.set("Imported " + Eip55.checksum(a) + " from " + file.getFileName() + ".");
            loadAccounts(a);
            done.run();
        });
    }

    /** Copies the selected account's keystore file (still encrypted) to {@code to}. */
    public void export(Path to) {
        AccountRow a = selected.get();
        if (a == null || a.dev()) {
            message.set("Select one of your accounts to export; dev accounts have no keystore file.");
            return;
        }
        work(() -> {
            java.nio.file.Files.copy(keystore.export(a.address()), to);
            return to;
        }, p -> message.set("Wrote " + p.getFileName() + " (keystore V3, encrypted with the account's password)."));
    }

    /** Opens the selected account's key with {@code password}; a wrong one says so. */
    public void unlock(String password, Runnable done) {
        AccountRow a = selected.get();
        if (a == null || a.dev()) return;
        work(() -> keystore.unlockAccount(a.address(), password), u -> {
            unlocked.put(u.address(), u);
            lastUse = clock.get();
            locked.set(false);
            message.set("Unlocked " + Eip55.shortForm(u.address()) + "; it locks after " + idleLockMinutes.get() + " idle minutes.");
            done.run();
        });
    }

    /** Forgets every unlocked key. */
    public void lock() {
        unlocked.clear();
        locked.set(true);
    }

    /** Called every few seconds: locks once nothing was signed for the idle time. */
    public void tick() {
        if (!unlocked.isEmpty() && clock.get() - lastUse > idleLockMinutes.get() * 60_000L) {
            lock();
            message.set("Locked after " + idleLockMinutes.get() + " idle minutes.");
        }
    }

    /** Whether the selected account can sign now (dev accounts always can). */
    public boolean canSign() {
        AccountRow a = selected.get();
        return a != null && (a.dev() || unlocked.containsKey(a.address()));
    }

    // --- chain work -----------------------------------------------------------------------------

    /** Balances of the selected account, the history's statuses and the networks, from the endpoints. */
    public void refresh() {
        AccountRow a = selected.get();
        background.execute(() -> {
            Optional<WalletService> w;
            try {
                w = service.get();
            } catch (RuntimeException e) {
                w = Optional.empty();
            }
            if (w.isEmpty()) {
                fx.execute(() -> {
                    connected.set(false);
                    balances.clear();
                    stakes.clear();
                    networks.clear();
                });
                return;
            }
            try {
                WalletReading r = WalletReading.read(w.get(), a, withdrawals);
                fx.execute(() -> {
                    connected.set(true);
                    balances.setAll(r.balances());
                    stakes.setAll(r.stakes());
                    networks.setAll(r.networks());
                    proposals.setAll(r.proposals());
                    history.setAll(r.history());
                    fees.setAll(r.fees());
                });
            } catch (RuntimeException e) {
                fx.execute(() -> message.set(e.getMessage()));
            }
        });
    }

    /** What the launch fee dialog shows: who pays, how much, their ALT on L1 before and after (or what is missing), and whether they can sign now. */
    public record FeeOffer(AccountRow payer, Amount fee, Amount before, Amount after, Amount missing, boolean canSign, String problem) {}

    /** Prices the launch fee for the selected account (dev account 0 if none) on the running devnet's L1. */
    public void offerLaunchFee(Amount fee, String stack, Consumer<FeeOffer> then) {
        if (selected.get() == null && !accounts.isEmpty()) selected.set(accounts.get(0));
        AccountRow payer = selected.get() != null ? selected.get() : new AccountRow(dev.address(0), true, 0);
        boolean canSign = payer.dev() || unlocked.containsKey(payer.address());
        background.execute(() -> {
            FeeOffer offer;
            try {
                WalletService s = service.get().orElseThrow(() -> new IllegalStateException("the stack's endpoints are not up"));
                Amount before = s.balances(payer.address()).get(0).alt();
                BigInteger short_ = fee.units().subtract(before.units());
                String problem = null;
                if (short_.signum() <= 0) {
                    try {
                        s.launchFee(payer.address(), fee, stack);
                    } catch (IllegalArgumentException e) {
                        problem = e.getMessage();
                    }
                }
                offer = new FeeOffer(payer, fee, before, short_.signum() > 0 ? null : Amount.of(short_.negate(), fee.token()),
                        short_.signum() > 0 ? Amount.of(short_, fee.token()) : null, canSign, problem);
            } catch (RuntimeException e) {
                offer = new FeeOffer(payer, fee, null, null, null, canSign, e.getMessage());
            }
            FeeOffer o = offer;
            fx.execute(() -> then.accept(o));
        });
    }

    /** Pays the launch fee from the offer's payer (unlocking it first with {@code password} if it is locked); {@code done} gets null or what went wrong. */
    public void payLaunchFee(FeeOffer offer, String stack, String password, Consumer<String> done) {
        AccountRow payer = offer.payer();
        attempt(() -> {
            UnlockedAccount signer = payer.dev() ? dev.unlocked(payer.index()) : unlocked.get(payer.address());
            if (signer == null) {
                UnlockedAccount u = keystore.unlockAccount(payer.address(), password);
                signer = u;
                fx.execute(() -> {
                    unlocked.put(u.address(), u);
                    locked.set(false);
                });
            }
            lastUse = clock.get();
            WalletService s = service.get().orElseThrow(() -> new IllegalStateException("the stack's endpoints are not up"));
            List<Hash> sent = s.send(s.launchFee(payer.address(), offer.fee(), stack), signer);
            fx.execute(() -> message.set("Paid the launch fee: " + offer.fee() + " to the RaaS treasury (" + sent.get(0).shortHex() + ")."));
        }, done);
    }

    /** Pays the launch fee from dev account 0 without asking (the raas.confirm=false setting, for demos). */
    public void payLaunchFeeFromDev(Amount fee, String stack, Consumer<String> done) {
        payLaunchFee(new FeeOffer(new AccountRow(dev.address(0), true, 0), fee, null, null, null, true, null), stack, "", done);
    }

    /** The dev wallet sends {@code alt} ALT and 1 ETH for fees to the selected account on L1; {@code done} gets null or what went wrong. */
    public void fundFromDev(Amount alt, Address to, Consumer<String> done) {
        attempt(() -> {
            WalletService s = service.get().orElseThrow(() -> new IllegalStateException("the stack's endpoints are not up"));
            UnlockedAccount faucet = dev.unlocked(0);
            List<Hash> sent = new ArrayList<>(s.send(s.transfer(faucet.address(), to, alt, s.l1()), faucet));
            sent.addAll(s.send(s.transfer(faucet.address(), to, Amount.parse("1", Amount.Token.ETH), s.l1()), faucet));
            for (Hash h : sent) waitIncluded(s, h);
        }, done);
    }

    /** Runs {@code work} in the background, then refreshes and tells {@code done} null or what went wrong. */
    private void attempt(Runnable work, Consumer<String> done) {
        background.execute(() -> {
            String problem = null;
            try {
                work.run();
            } catch (RuntimeException e) {
                problem = e.getMessage();
            }
            String p = problem;
            fx.execute(() -> {
                refresh();
                done.accept(p);
            });
        });
    }

    /** Waits (on the background thread) until the L1 includes {@code h}, at most a minute. */
    private static void waitIncluded(WalletService s, Hash h) {
        WalletService.Sent sent = s.history().stream().filter(x -> x.hash().equals(h)).findFirst().orElseThrow();
        for (int i = 0; i < 600; i++) {
            if (s.progress(sent).status() != WalletService.Status.PENDING) return;
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        }
        throw new IllegalStateException(h.shortHex() + " is still pending after a minute; is the stack paused?");
    }

    /** Checks a payment and shows its fee split, sending nothing. */
    public void previewSend(String to, String amount, Amount.Token token, Long chainId) {
        prepare(s -> s.transfer(from(), Eip55.parse(to), Amount.parse(amount, token), chain(s, chainId)), null);
    }

    public void send(String to, String amount, Amount.Token token, Long chainId) {
        prepare(s -> s.transfer(from(), Eip55.parse(to), Amount.parse(amount, token), chain(s, chainId)), this::sign);
    }

    /** A deposit from the L1 to rollup {@code rollupId}; {@code send} false only previews it. */
    public void deposit(String amount, Amount.Token token, Long rollupId, boolean send) {
        prepare(s -> s.deposit(from(), Amount.parse(amount, token), chain(s, rollupId)), send ? this::sign : null);
    }

    public void withdraw(String amount, Amount.Token token, Long rollupId, boolean send) {
        prepare(s -> s.withdraw(from(), Amount.parse(amount, token), chain(s, rollupId)), send ? this::sign : null);
    }

    /** Proposes a change to rollup {@code chainId} (or to governance), signed by the selected account. */
    public void propose(Governance.ChangeKind kind, Long chainId, String value) {
        prepare(s -> s.governance().propose(from(), kind.of(chainId != null ? chainId : s.rollups().get(0).chainId(), value)), this::sign);
    }

    /** Votes on proposal {@code number} (#1) with the selected account's delegated ALT. */
    public void vote(String number, Governance.Support support) {
        prepare(s -> s.governance().vote(from(), number, support), this::sign);
    }

    /** Queues a passed proposal in the timelock, or executes a queued one whose delay has passed. */
    public void advance(String number, boolean execute) {
        prepare(s -> execute ? s.governance().execute(from(), number) : s.governance().queue(from(), number), this::sign);
    }

    private static WalletChain chain(WalletService s, Long id) {
        if (id == null) throw new IllegalArgumentException("choose a chain");
        return s.chain(id);
    }

    /** The chains a payment can be on: the L1 and the rollups, by id. */
    public List<Long> chainIds() {
        return networks.stream().map(NetworkRow::chainId).toList();
    }

    private Address from() {
        AccountRow a = selected.get();
        if (a == null) throw new IllegalArgumentException("select an account first");
        return a.address();
    }

    private UnlockedAccount signer() {
        AccountRow a = selected.get();
        if (a.dev()) return dev.unlocked(a.index());
        UnlockedAccount u = unlocked.get(a.address());
        if (u == null) throw new IllegalArgumentException("unlock " + Eip55.shortForm(a.address()) + " with its password first");
        lastUse = clock.get();
        return u;
    }

    private List<Hash> sign(WalletService s, WalletService.Prepared p) {
        return s.send(p, signer());
    }

    private interface Prepare {
        WalletService.Prepared apply(WalletService s);
    }

    private interface Send {
        List<Hash> apply(WalletService s, WalletService.Prepared p);
    }

    private void prepare(Prepare what, Send then) {
        if (then != null && !canSign()) {
            message.set("Unlock the account with its password first.");
            return;
        }
        background.execute(() -> {
            try {
                WalletService s = service.get().orElseThrow(() -> new IllegalStateException("launch a stack first: the wallet works on the running devnet"));
                WalletService.Prepared p = what.apply(s);
                WalletService.Quote q = p.quote();
                String text = p.what() + "\nfee, estimated: " + q.total().display() + " = L2 execution " + q.executionFee().display() + " + L1 data " + q.l1DataFee().display()
                        + " (" + q.gas() + " gas" + (p.txs().size() > 1 ? ", " + p.txs().size() + " transactions" : "") + ")";
                List<Hash> sent = then == null ? List.of() : then.apply(s, p);
                fx.execute(() -> {
                    preview.set(text);
                    message.set(sent.isEmpty() ? "" : "Sent " + sent.size() + (sent.size() == 1 ? " transaction" : " transactions") + ": " + sent.get(sent.size() - 1).shortHex());
                    if (!sent.isEmpty()) refresh();
                });
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    preview.set("");
                    message.set(e.getMessage());
                });
            }
        });
    }

    private interface Work<T> {
        T get() throws Exception;
    }

    private <T> void work(Work<T> w, Consumer<T> then) {
        background.execute(() -> {
            try {
                T r = w.get();
                fx.execute(() -> then.accept(r));
            } catch (Exception e) {
                fx.execute(() -> message.set(e.getMessage()));
            }
        });
    }
}
