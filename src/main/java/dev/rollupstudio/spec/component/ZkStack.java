package dev.rollupstudio.spec.component;

/** Matter Labs' ZK Stack. */
public final class ZkStack extends ZkEvmExecution {
    public static final String ID = "zk-stack";

    public ZkStack() {
        super(ID, "ZK Stack", "fth-hexagon",
                "Matter Labs' stack behind ZKsync: every batch of blocks is proven with a validity proof, so L1 accepts the new state only "
                        + "with a proof that it is correct. No challenge window, but proving takes time.",
                "Polygon CDK", blockTimeMs(1_000, 200, null), gasLimitParam(80_000_000, null));
    }
}
