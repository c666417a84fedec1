package dev.rollupstudio.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollupstudio.types.Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The remembered dev addresses are the derived ones, per mnemonic and count. */
class DevAccountsTest {
    private static final String OTHER = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    @Test void rememberedAddressesAreTheDerivedOnesAndAreDerivedOnce() {
        List<Address> first = DevAccounts.addresses(DevAccounts.MNEMONIC, 5);
        assertThat(first).isEqualTo(DevAccounts.derive(5).addresses());
        assertThat(first.get(0)).isEqualTo(Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")); // Anvil's account 0
        assertThat(DevAccounts.addresses(DevAccounts.MNEMONIC, 5)).isSameAs(first);
    }

    @Test void anotherCountOrMnemonicIsItsOwnEntry() {
        assertThat(DevAccounts.addresses(DevAccounts.MNEMONIC, 3)).isEqualTo(DevAccounts.derive(3).addresses());
        List<Address> other = DevAccounts.addresses(OTHER, 3);
        assertThat(other).isEqualTo(DevAccounts.derive(OTHER, 3).addresses());
        assertThat(other.get(0)).isNotEqualTo(DevAccounts.addresses(DevAccounts.MNEMONIC, 3).get(0));
    }

    @Test void aMnemonicWithABadChecksumIsStillRefused() {
        String bad = OTHER.replace("about", "abandon");
        assertThatThrownBy(() -> DevAccounts.addresses(bad, 3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid BIP-39 mnemonic");
        assertThatThrownBy(() -> DevAccounts.addresses(bad, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
