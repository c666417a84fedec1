package dev.rollupstudio.explorer;

import dev.rollupstudio.types.Wei;
import dev.rollupstudio.chain.Log;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.util.List;

/** What the explorer shows, read from a runtime's database. */
public final class ExplorerModel {
    private ExplorerModel() {}

    /** How settled a block is: sequenced only, its batch on L1, or that L1 block final. */
    public enum Status { UNSAFE, SAFE, FINALIZED }

    /** A block in the list, with how final it is and how far behind the chain's head it was sealed (chain time, in seconds). */
    public record BlockRow(long number, Hash hash, long timestampSeconds, int txCount, long gasUsed, Status status, long secondsBehindHead) {}

    public record TxRow(Hash hash, long block, int index, Address from, Address to, Wei value, long gasUsed, boolean success) {}

    public record BatchRow(long id, long firstL2, long lastL2, int txCount, long rawBytes, long compressedBytes, int blobs, long l1Block,
                           Wei feeWei) {}

    public record OutputRow(long index, long l2Block, Hash root, long l1Block, long l1TimestampMillis) {}

    /** A block with its header fields, transactions, the batch that carries it and how final it is. */
    public record BlockDetail(long number, Hash hash, Hash parentHash, long timestampSeconds, Hash stateRoot, Hash transactionsRoot,
                              Hash receiptsRoot, Hash withdrawalsRoot, long gasUsed, long gasLimit, Wei baseFee, Address coinbase,
                              long l1Origin, Hash l1OriginHash, List<TxRow> transactions, BatchRow batch, Long l1InclusionTimestampMillis,
                              Status status) {}

    /**
     * A transaction with its receipt, the three parts of its fee, and for one that ran code the
     * contract it created, why it failed and what it reverted with (nulls where none).
     */
    /** A transaction of the rollup, or ({@code onL1}) of the embedded L1, where its block is an L1 block and its amounts are ETH. */
    public record TxDetail(Hash hash, int type, long block, int index, Address from, Address to, long nonce, Wei value, long gasLimit,
                           long gasUsed, boolean success, Wei l2BaseFee, Wei priorityFee, Wei l1DataFee,
                           Wei effectiveGasPrice, List<Log> logs, byte[] raw, Address contractAddress, String error, byte[] revertData, boolean onL1) {}

    /**
     * An account's current balance and nonce, its latest transactions, and for a contract its code
     * (size and hash) and the transaction that created it (null: in the genesis allocation, or created by another contract).
     */
    public record AccountDetail(Address address, Wei balance, long nonce, boolean touched, List<TxRow> history, Hash codeHash, int codeSize,
                                Hash creationTx) {
        public boolean isContract() {
            return codeSize > 0;
        }
    }
}
