package dev.rollupstudio.chain;

import dev.rollupstudio.types.Hash;
import java.util.List;

/** A sealed block: its header (and the header's hash, computed once), transactions and receipts. */
public record Block(BlockHeader header, Hash hash, List<Transaction> transactions, List<Receipt> receipts) {

    public static Block of(BlockHeader header, List<Transaction> transactions, List<Receipt> receipts) {
        return new Block(header, header.hash(), List.copyOf(transactions), List.copyOf(receipts));
    }

    public long number() {
        return header.number();
    }
}
