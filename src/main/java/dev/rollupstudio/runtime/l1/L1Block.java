package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.List;

/**
 * One block of the embedded L1: its fee markets as they stood when it was built, the state root
 * after it, the user transactions it ran with their receipts, and what it carried for the
 * rollups (batcher transactions, output proposals, the deposits its portal calls logged, and what its
 * dispute games and proof verifier took in).
 */
public record L1Block(long number, Hash hash, Hash parentHash, long timestampMillis, BigInteger baseFee, BigInteger blobBaseFee,
                      long gasUsed, int blobsUsed, List<BatcherTx> batches, List<OutputProposal> outputs, List<Deposit> deposits,
                      Hash stateRoot, List<Transaction> transactions, List<Receipt> receipts, SettlementLog settlement) {

    public long timestampSeconds() {
        return timestampMillis / 1000;
    }
}
