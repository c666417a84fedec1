package dev.rollupstudio.runtime.l1;


/** A withdrawal as stored: the message, the L2 block that started it, and, once they happened, its proof and its finalization. */
public record TrackedWithdrawal(WithdrawalMessage message, long l2Block, Long outputIndex, Long provenAtMillis, Long finalizedAtMillis) {

    public boolean proven() {
        return provenAtMillis != null;
    }

    public boolean finalized() {
        return finalizedAtMillis != null;
    }
}
