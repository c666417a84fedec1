package dev.rollupstudio.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollupstudio.chain.Eip55;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.utils.Numeric;

/** The official vectors: BIP-39 English (passphrase "TREZOR") and BIP-32's own; and the dev mnemonic's first account. */
class MnemonicsTest {

    @Test void theOfficialBip39VectorsGiveTheirMnemonicSeedAndRootKey() throws Exception {
        JsonNode vectors;
        try (InputStream in = getClass().getResourceAsStream("/bip39/vectors.json")) {
            vectors = new ObjectMapper().readTree(in).get("english");
        }
        assertThat(vectors).hasSize(24);
        for (JsonNode v : vectors) {
            String mnemonic = v.get(1).asText();
            assertThat(MnemonicUtils.generateMnemonic(Numeric.hexStringToByteArray(v.get(0).asText()))).isEqualTo(mnemonic);
            assertThat(Mnemonics.check(mnemonic)).isEqualTo(mnemonic);
            byte[] seed = Mnemonics.seed(mnemonic, "TREZOR");
            assertThat(Numeric.toHexStringNoPrefix(seed)).isEqualTo(v.get(2).asText());
            assertThat(ExtendedKey.xprv(Bip32ECKeyPair.generateKeyPair(seed))).isEqualTo(v.get(3).asText());
        }
    }

    @Test void theBip32VectorsDeriveEveryChain() throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/bip32/vectors.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int checked = 0;
        for (String line : text.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList()) {
            String[] f = line.split(" ");
            Bip32ECKeyPair k = Bip32ECKeyPair.generateKeyPair(Numeric.hexStringToByteArray(f[0]));
            List<Integer> path = new ArrayList<>();
            for (String step : f[1].split("/")) {
                if (step.equals("m")) continue;
                path.add(step.endsWith("'") ? Integer.parseInt(step.substring(0, step.length() - 1)) | Bip32ECKeyPair.HARDENED_BIT : Integer.parseInt(step));
            }
            k = Bip32ECKeyPair.deriveKeyPair(k, path.stream().mapToInt(Integer::intValue).toArray());
            assertThat(ExtendedKey.xpub(k)).as(f[0] + " " + f[1]).isEqualTo(f[2]);
            assertThat(ExtendedKey.xprv(k)).as(f[0] + " " + f[1]).isEqualTo(f[3]);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(12); // vectors 1 and 2: six chains each
    }

    @Test void theDevMnemonicsFirstAccountIsAnvilsAndHardhats() {
        assertThat(Eip55.checksum(Mnemonics.address(DevAccounts.MNEMONIC, "", 0))).isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        assertThat(Mnemonics.address(DevAccounts.MNEMONIC, "", 1)).isEqualTo(DevAccounts.derive(2).address(1));
        assertThat(Mnemonics.address(DevAccounts.MNEMONIC, "a passphrase", 0)).isNotEqualTo(DevAccounts.derive(1).address(0));
    }

    @Test void aNewMnemonicIsValidAndAWrongOneSaysWhatIsWrongWithoutRepeatingIt() {
        assertThat(Mnemonics.check(Mnemonics.generate(12)).split(" ")).hasSize(12);
        assertThat(Mnemonics.check(Mnemonics.generate(24)).split(" ")).hasSize(24);
        assertThat(Mnemonics.generate(12)).isNotEqualTo(Mnemonics.generate(12));
        assertThatThrownBy(() -> Mnemonics.generate(13)).hasMessage("a new wallet has 12 or 24 words, not 13");
        assertThatThrownBy(() -> Mnemonics.check("test test test")).hasMessage("a mnemonic has 12, 15, 18, 21 or 24 words; this one has 3");
        assertThatThrownBy(() -> Mnemonics.check("test test test test test tset test test test test test junk"))
                .hasMessage("word 6 is not in the BIP-39 English word list; check its spelling");
        assertThatThrownBy(() -> Mnemonics.check("test test test test test test test test test test test test"))
                .hasMessage("the words are all in the list but their checksum fails: a word is wrong or out of order");
        assertThat(Mnemonics.check("  Test TEST test test test test test test test test test   junk ")).isEqualTo(DevAccounts.MNEMONIC);
    }
}
