package dev.rollupstudio.chain;

import dev.rollupstudio.types.Address;
import java.nio.charset.StandardCharsets;

/** EIP-55 mixed-case checksum addresses: the form wallets and explorers show. */
public final class Eip55 {
    private Eip55() {}

    /** 0x-prefixed, each hex letter upper case where the Keccak hash of the lower-case address has a nibble of 8 or more. */
    public static String checksum(Address a) {
        String lower = a.toHex().substring(2).toLowerCase(java.util.Locale.ROOT);
        byte[] hash = Keccak.digest(lower.getBytes(StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < 40; i++) {
            char c = lower.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
            out.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    /** The checksummed address shortened for tables: 0xf39F…2266. */
    public static String shortForm(Address a) {
        String s = checksum(a);
        return s.substring(0, 6) + "…" + s.substring(38);
    }
}
