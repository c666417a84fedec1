package dev.rollupstudio.runtime.rollup;

/** Why a transaction was refused: a stable code for reports and a sentence for people. */
public record TxRejection(Reason reason, String message) {

    public enum Reason {
        MALFORMED, BAD_SIGNATURE, WRONG_CHAIN_ID, NONCE_TOO_LOW, NONCE_TOO_FAR_AHEAD, INSUFFICIENT_FUNDS,
        INTRINSIC_GAS_TOO_LOW, GAS_LIMIT_ABOVE_BLOCK, TIP_ABOVE_FEE_CAP, FEE_CAP_BELOW_BASE_FEE, TX_TOO_LARGE, POOL_FULL,
        REPLACEMENT_UNDERPRICED, ALREADY_KNOWN, UNSUPPORTED_TYPE,
        /** The rollup is ending (an ephemeral rollup draining, settling or dissolved) and takes no new transactions. */
        CLOSED;

        /** The code in words, for legends and tooltips: "fee cap below base fee". */
        public String words() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    @Override public String toString() {
        return reason + ": " + message;
    }
}
