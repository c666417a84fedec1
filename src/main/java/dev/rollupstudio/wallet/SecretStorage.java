package dev.rollupstudio.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Web3 Secret Storage (keystore V3): the key encrypted with AES-128-CTR under the first half of a
 * scrypt-derived key, and a MAC, keccak256(second half || ciphertext), that tells a wrong
 * password from a right one. The same format geth, MetaMask and Foundry read and write.
 */
final class SecretStorage {
    static final int STANDARD_N = 1 << 18;
    static final int LIGHT_N = 1 << 12;
    private static final int R = 8;
    private static final int P = 1;
    private static final int DKLEN = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretStorage() {}

    static ObjectNode encrypt(BigInteger privateKey, Address address, String password, int n) {
        return encrypt(org.web3j.utils.Numeric.toBytesPadded(privateKey, 32), address, password, n);
    }

    /** Any secret (a key's 32 bytes, a mnemonic's entropy) in the V3 shape; {@code address} names whose it is. */
    static ObjectNode encrypt(byte[] secret, Address address, String password, int n) {
        byte[] salt = new byte[32];
        byte[] iv = new byte[16];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(iv);
        byte[] derived = SCrypt.generate(password.getBytes(StandardCharsets.UTF_8), salt, n, R, P, DKLEN);
        byte[] cipher = aesCtr(Arrays.copyOf(derived, 16), iv, secret);
        byte[] mac = Keccak.digest(Bytes.concat(Arrays.copyOfRange(derived, 16, 32), cipher));
        Arrays.fill(derived, (byte) 0);
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode kdf = f.objectNode().put("dklen", DKLEN).put("n", n).put("p", P).put("r", R).put("salt", hex(salt));
        ObjectNode crypto = f.objectNode().put("cipher", "aes-128-ctr").put("ciphertext", hex(cipher)).put("kdf", "scrypt").put("mac", hex(mac));
        crypto.set("cipherparams", f.objectNode().put("iv", hex(iv)));
        crypto.set("kdfparams", kdf);
        ObjectNode w = f.objectNode().put("address", address.toHex().substring(2)).put("id", UUID.randomUUID().toString()).put("version", 3);
        w.set("crypto", crypto);
        return w;
    }

    /** The private key, or "wrong password for {@code who}" when the MAC does not match. */
    static BigInteger decrypt(ObjectNode w, String password, String who) {
        return new BigInteger(1, decryptBytes(w, password, who));
    }

    /** The secret's bytes, or "wrong password for {@code who}" when the MAC does not match. */
    static byte[] decryptBytes(ObjectNode w, String password, String who) {
        JsonNode c = crypto(w);
        JsonNode k = c.get("kdfparams");
        if (!"scrypt".equals(c.path("kdf").asText()) || !"aes-128-ctr".equals(c.path("cipher").asText())) {
            throw new IllegalArgumentException("not a keystore this wallet opens: it uses " + c.path("kdf").asText() + " and " + c.path("cipher").asText()
                    + "; export it again with scrypt and aes-128-ctr");
        }
        int n = k.path("n").asInt();
        if (n < 2 || Integer.bitCount(n) != 1 || n > 1 << 20 || k.path("r").asInt() < 1 || k.path("p").asInt() < 1 || k.path("dklen").asInt() != DKLEN) {
            throw new IllegalArgumentException("not a keystore this wallet opens: its scrypt parameters are out of range");
        }
        byte[] derived = SCrypt.generate((password == null ? "" : password).getBytes(StandardCharsets.UTF_8), unhex(k.path("salt").asText()), n,
                k.path("r").asInt(), k.path("p").asInt(), DKLEN);
        byte[] cipher = unhex(c.path("ciphertext").asText());
        byte[] mac = Keccak.digest(Bytes.concat(Arrays.copyOfRange(derived, 16, 32), cipher));
        if (!MessageDigest.isEqual(mac, unhex(c.path("mac").asText()))) {
            throw new IllegalArgumentException("wrong password for " + who + ": the keystore did not open; try again (the password is the one it was saved with)");
        }
        byte[] secret = aesCtr(Arrays.copyOf(derived, 16), unhex(c.path("cipherparams").path("iv").asText()), cipher);
        Arrays.fill(derived, (byte) 0);
        return secret;
    }

    /** The address a keystore names, after checking it has the V3 shape. */
    static Address address(ObjectNode w) {
        if (w.path("version").asInt() != 3) throw new IllegalArgumentException("not an Ethereum keystore (V3 JSON): its version is not 3");
        crypto(w);
        String a = w.path("address").asText("");
        if (!a.matches("(0x)?[0-9a-fA-F]{40}")) throw new IllegalArgumentException("not an Ethereum keystore (V3 JSON): it names no address");
        return Address.fromHex(a.startsWith("0x") ? a : "0x" + a);
    }

    private static JsonNode crypto(ObjectNode w) {
        JsonNode c = w.has("crypto") ? w.get("crypto") : w.get("Crypto"); // geth once wrote "Crypto"
        if (c == null || !c.isObject() || !c.has("kdfparams") || !c.has("ciphertext") || !c.has("mac")) {
            throw new IllegalArgumentException("not an Ethereum keystore (V3 JSON): it has no crypto section");
        }
        return c;
    }

    private static byte[] aesCtr(byte[] key, byte[] iv, byte[] in) {
        SICBlockCipher ctr = new SICBlockCipher(AESEngine.newInstance());
        ctr.init(true, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] out = new byte[in.length];
        ctr.processBytes(in, 0, in.length, out, 0);
        return out;
    }

    private static String hex(byte[] b) {
        return Bytes.toHex(b).substring(2);
    }

    private static byte[] unhex(String s) {
        try {
            return Bytes.fromHex(s.startsWith("0x") ? s : "0x" + s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ethereum keystore (V3 JSON): a hex field does not decode");
        }
    }
}
