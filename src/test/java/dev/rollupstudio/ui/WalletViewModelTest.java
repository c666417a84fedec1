package dev.rollupstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.types.Address;
import dev.rollupstudio.ui.wallet.WalletViewModel;
import dev.rollupstudio.wallet.DevAccounts;
import dev.rollupstudio.wallet.Keystore;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wallet's keys without a window: your accounts listed before the dev ones, unlock by password, the idle lock, nothing signed while locked. */
class WalletViewModelTest {
    static final String KEY = "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba";

    @Test void unlocksWithThePasswordLocksWhenIdleAndSignsNothingWhileLocked(@TempDir Path dir) {
        Keystore keystore = new Keystore(dir, Keystore.Strength.LIGHT);
        Address mine = keystore.addPrivateKey(KEY, "correct horse battery");
        AtomicLong now = new AtomicLong(1_000_000);
        WalletViewModel vm = new WalletViewModel(keystore, DevAccounts.derive(3), Optional::empty, Runnable::run, Runnable::run, now::get);
        vm.loadAccounts();
        assertThat(vm.accounts()).extracting(WalletViewModel.AccountRow::label)
                .containsExactly("Account 0  " + "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc", "Dev account 0  0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
                        "Dev account 1  0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "Dev account 2  0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");
        assertThat(vm.selectedProperty().get().address()).isEqualTo(mine);
        assertThat(vm.canSign()).isFalse();

        vm.send("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "1", dev.rollupstudio.types.Amount.Token.ETH, 901L);
        assertThat(vm.messageProperty().get()).isEqualTo("Unlock the account with its password first.");
        vm.unlock("not the password", () -> {});
        assertThat(vm.canSign()).isFalse();
        assertThat(vm.messageProperty().get()).contains("wrong password").doesNotContain("not the password");
        vm.unlock("correct horse battery", () -> {});
        assertThat(vm.canSign()).isTrue();
        assertThat(vm.lockedProperty().get()).isFalse();

        now.addAndGet(4 * 60_000);
        vm.tick();
        assertThat(vm.canSign()).isTrue(); // 4 of 5 idle minutes
        now.addAndGet(2 * 60_000);
        vm.tick();
        assertThat(vm.canSign()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Locked after 5 idle minutes.");

        // a dev account signs without a password; with no stack running, a payment says what to do
        vm.selectedProperty().set(vm.accounts().get(1));
        assertThat(vm.canSign()).isTrue();
        vm.send("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "1", dev.rollupstudio.types.Amount.Token.ETH, 901L);
        assertThat(vm.messageProperty().get()).isEqualTo("launch a stack first: the wallet works on the running devnet");
    }
}
