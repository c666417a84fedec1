package dev.rollupstudio.workload;

/**
 * What generated traffic is made of: the shares of withdrawals to L1, Studio Token (ERC-20)
 * transfers and Studio Collectible (ERC-721) mints; the rest are plain ether transfers.
 */
public record Mix(double withdrawals, double tokenTransfers, double nftMints) {
    public Mix {
        if (withdrawals < 0 || tokenTransfers < 0 || nftMints < 0 || withdrawals + tokenTransfers + nftMints > 1.0000001)
            throw new IllegalArgumentException("shares are from 0 to 1 and add up to at most 1");
    }

    /** Ether transfers with this share of withdrawals. */
    public static Mix transfers(double withdrawals) {
        return new Mix(withdrawals, 0, 0);
    }
}
