package dev.rollupstudio.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollupstudio.types.Address;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;
import org.web3j.protocol.ObjectMapperFactory;

/** Keystore V3: our files open in web3j and web3j's in ours; wrong passwords and stray files are refused without leaking. */
class KeystoreTest {
    static final String PASSWORD = "correct horse battery";
    static final ECKeyPair KEY = ECKeyPair.create(new BigInteger("7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d", 16));
    static final String KEY_HEX = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";

    @TempDir Path dir;

    @Test void aKeyGoesInEncryptedAndComesOutWithItsPasswordOnly() throws Exception {
        Keystore ks = new Keystore(dir.resolve("keys"), Keystore.Strength.LIGHT);
        Address a = ks.add(KEY, PASSWORD);
        assertThat(a).isEqualTo(Address.fromHex(Keys.getAddress(KEY)));
        assertThat(ks.accounts()).containsExactly(a);
        assertThat(ks.unlock(a, PASSWORD).getPrivateKey()).isEqualTo(KEY.getPrivateKey());

        Path file = ks.export(a);
        assertThat(file.getFileName().toString()).startsWith("UTC--").endsWith("--" + a.toHex().substring(2));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file)).doesNotContain(KEY_HEX).doesNotContain(PASSWORD).contains("\"kdf\":\"scrypt\"");

        assertThatThrownBy(() -> ks.unlock(a, "wrong password!"))
                .hasMessageStartingWith("wrong password for " + dev.rollupstudio.chain.Eip55.checksum(a))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong password!").doesNotContain(KEY_HEX));
        assertThatThrownBy(() -> ks.add(KEY, PASSWORD)).hasMessageContaining("already holds");
        assertThatThrownBy(() -> ks.add(Keys.createEcKeyPair(), "short")).hasMessage("choose a password of at least 8 characters");
    }

    @Test void ourFilesOpenInWeb3jAndWeb3jsInOurs() throws Exception {
        Keystore ks = new Keystore(dir.resolve("keys"), Keystore.Strength.LIGHT);
        Address a = ks.add(KEY, PASSWORD);
        WalletFile ours = ObjectMapperFactory.getObjectMapper().readValue(ks.export(a).toFile(), WalletFile.class);
        assertThat(Wallet.decrypt(PASSWORD, ours).getPrivateKey()).isEqualTo(KEY.getPrivateKey());

        ECKeyPair other = Keys.createEcKeyPair();
        Path theirs = dir.resolve("from-web3j.json");
        ObjectMapperFactory.getObjectMapper().writeValue(theirs.toFile(), Wallet.createLight(PASSWORD, other));
        Address imported = ks.importFile(theirs, PASSWORD);
        assertThat(imported).isEqualTo(Address.fromHex(Keys.getAddress(other)));
        assertThat(ks.unlock(imported, PASSWORD).getPrivateKey()).isEqualTo(other.getPrivateKey());
        assertThat(ks.accounts()).containsExactlyInAnyOrder(a, imported);
    }

    @Test void theStandardScryptCostRoundTrips() {
        Keystore ks = new Keystore(dir.resolve("standard"), Keystore.Strength.STANDARD);
        Address a = ks.add(KEY, PASSWORD);
        assertThat(ks.unlock(a, PASSWORD).getPrivateKey()).isEqualTo(KEY.getPrivateKey());
    }

    @Test void aFileThatIsNotAKeystoreIsRefusedAndNothingIsSaved() throws Exception {
        Keystore ks = new Keystore(dir.resolve("keys"), Keystore.Strength.LIGHT);
        Path notJson = Files.writeString(dir.resolve("notes.txt"), "my keys are somewhere");
        Path otherJson = Files.writeString(dir.resolve("package.json"), "{\"name\":\"x\",\"version\":\"1\"}");
        assertThatThrownBy(() -> ks.importFile(notJson, PASSWORD)).hasMessage("notes.txt is not an Ethereum keystore (V3 JSON): it does not read as one");
        assertThatThrownBy(() -> ks.importFile(otherJson, PASSWORD)).hasMessage("package.json is not an Ethereum keystore (V3 JSON): its version is not 3");
        assertThat(ks.accounts()).isEmpty();
    }

    @Test void anHdWalletKeepsItsWordsEncryptedAndItsAccountsAsKeystores() throws Exception {
        Keystore ks = new Keystore(dir.resolve("hd"), Keystore.Strength.LIGHT);
        assertThatThrownBy(() -> ks.addMnemonic(DevAccounts.MNEMONIC.replace("junk", "test"), "", 3, PASSWORD))
                .hasMessageContaining("checksum fails");
        assertThat(dir.resolve("hd")).doesNotExist(); // nothing saved

        var addresses = ks.addMnemonic(DevAccounts.MNEMONIC, "", 3, PASSWORD);
        assertThat(addresses).isEqualTo(DevAccounts.derive(3).addresses());
        assertThat(ks.accounts()).containsExactlyInAnyOrderElementsOf(addresses);
        assertThat(ks.unlock(addresses.get(1), PASSWORD).getPrivateKey()).isEqualTo(DevAccounts.derive(2).key(1).getPrivateKey());
        assertThat(ks.revealMnemonic(PASSWORD)).isEqualTo(DevAccounts.MNEMONIC);
        assertThatThrownBy(() -> ks.revealMnemonic("not the password")).hasMessageStartingWith("wrong password for the mnemonic");

        String seedFile = Files.readString(dir.resolve("hd").resolve("seed.json"));
        assertThat(seedFile).doesNotContain("junk").doesNotContain("test test")
                .doesNotContain(org.web3j.utils.Numeric.toHexStringNoPrefix(org.web3j.crypto.MnemonicUtils.generateEntropy(DevAccounts.MNEMONIC)));
        for (Path f : Files.list(dir.resolve("hd")).toList()) {
            assertThat(Files.getPosixFilePermissions(f)).as(f.toString()).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertThatThrownBy(() -> ks.addMnemonic(DevAccounts.MNEMONIC, "", 1, PASSWORD)).hasMessageContaining("already holds a mnemonic");
    }
}
