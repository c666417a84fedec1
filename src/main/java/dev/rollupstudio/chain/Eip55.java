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

    /**
     * An address a user typed, as wallets accept it: 40 hex digits after 0x, all lower case, all
     * upper case (no checksum), or mixed case that must match the EIP-55 checksum, since a typo in
     * a checksummed address is what the checksum is there to catch.
     */
    public static Address parse(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("0[xX][0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException(t.isEmpty() ? "enter an address: 0x and 40 hex digits"
                    : "\"" + t + "\" is not an address: an address is 0x and 40 hex digits (it has " + Math.max(0, t.length() - 2) + ")");
        }
        String digits = t.substring(2);
        Address a = Address.fromHex("0x" + digits.toLowerCase(java.util.Locale.ROOT));
        boolean mixed = !digits.equals(digits.toLowerCase(java.util.Locale.ROOT)) && !digits.equals(digits.toUpperCase(java.util.Locale.ROOT));
        if (mixed && !checksum(a).substring(2).equals(digits)) {
            throw new IllegalArgumentException(t + " fails its EIP-55 checksum: a letter's case is wrong, so a character may be mistyped; copy the address again");
        }
        return a;
    }

    /** The checksummed address shortened for tables: 0xf39F…2266. */
    public static String shortForm(Address a) {
        String s = checksum(a);
        return s.substring(0, 6) + "…" + s.substring(38);
    }
}
