package dev.rollupstudio.runtime.config;

import java.math.BigInteger;

/**
 * ALT governance on the devnet's L1: how many L1 blocks pass before voting opens and while it
 * lasts, the votes a proposer needs, the votes (for plus abstain) a proposal needs, and how long a
 * passed proposal waits in the timelock. Defaults fit a demo (a vote in 5 minutes of L1 time, a
 * 5-minute timelock); Governor and TimelockController hold them and a proposal changes them.
 */
public record GovernanceConfig(long votingDelayBlocks, long votingPeriodBlocks, BigInteger proposalThreshold, BigInteger quorum, long timelockSeconds) {
    private static final BigInteger ALT = BigInteger.TEN.pow(18);

    public GovernanceConfig {
        if (votingDelayBlocks < 0 || votingDelayBlocks > 1_000_000) throw new IllegalArgumentException("the voting delay is 0 to 1,000,000 L1 blocks, not " + votingDelayBlocks);
        if (votingPeriodBlocks < 1 || votingPeriodBlocks > 1_000_000) throw new IllegalArgumentException("the voting period is 1 to 1,000,000 L1 blocks, not " + votingPeriodBlocks);
        if (timelockSeconds < 0 || timelockSeconds > 30 * 86_400) throw new IllegalArgumentException("the timelock is 0 to 2,592,000 s (30 days), not " + timelockSeconds);
        if (quorum.signum() <= 0) throw new IllegalArgumentException("the quorum must be more than 0 ALT");
    }

    /** 1 block of delay, 25 blocks of voting (5 min at 12 s slots), 10,000 ALT to propose, 1,500,000 ALT quorum (two dev accounts), 300 s timelock. */
    public static GovernanceConfig defaults() {
        return new GovernanceConfig(1, 25, BigInteger.valueOf(10_000).multiply(ALT), BigInteger.valueOf(1_500_000).multiply(ALT), 300);
    }
}
