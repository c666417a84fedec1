package dev.rollupstudio.host;

import dev.rollupstudio.chain.Transaction;
import java.util.List;

/** A chain's waiting transactions: pending (next in nonce order, can go in the next block) and queued (behind a nonce gap). */
public record PoolContent(List<Transaction> pending, List<Transaction> queued) {}
