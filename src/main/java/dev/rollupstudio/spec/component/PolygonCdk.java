package dev.rollupstudio.spec.component;

/** Polygon's Chain Development Kit. */
public final class PolygonCdk extends ZkEvmExecution {
    public static final String ID = "polygon-cdk";

    public PolygonCdk() {
        super(ID, "Polygon CDK", "fth-triangle",
                "Polygon's Chain Development Kit: an EVM chain proven with zero-knowledge proofs and connected to Polygon's AggLayer.",
                "ZK Stack", blockTimeMs(2_000, 500, null), gasLimitParam(30_000_000, null));
    }
}
