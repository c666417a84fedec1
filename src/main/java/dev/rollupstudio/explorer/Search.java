package dev.rollupstudio.explorer;

import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;

/** What a search box string names: a block number, a block or transaction hash, or an address. */
public sealed interface Search {
    record BlockNumber(long number) implements Search {}

    record HashOf(Hash hash) implements Search {}

    record AccountOf(Address address) implements Search {}

    record Unknown(String why) implements Search {}

    static Search parse(String text) {
        String t = text.trim().replace(",", "").replace("_", "");
        if (t.isEmpty()) return new Unknown("type a block number, a block or transaction hash, or an address");
        if (t.matches("\\d{1,18}")) return new BlockNumber(Long.parseLong(t));
        String hex = t.startsWith("0x") || t.startsWith("0X") ? t.substring(2) : t;
        if (hex.matches("[0-9a-fA-F]{64}")) return new HashOf(Hash.fromHex(hex));
        if (hex.matches("[0-9a-fA-F]{40}")) return new AccountOf(Address.fromHex(hex));
        return new Unknown("'" + text.trim() + "' is not a block number, a 32-byte hash (64 hex digits) or an address (40 hex digits)");
    }
}
