package dev.rollupstudio.spec.component;

import dev.rollupstudio.spec.RiskView.Column;
import dev.rollupstudio.spec.RiskView.Level;

/** L2BEAT's verdict on data published to Ethereum itself, blobs or calldata. */
final class Onchain {
    static final Column COLUMN = new Column("Data availability", Level.GOOD, "Onchain", "all data is on Ethereum");

    private Onchain() {}
}
