package dev.rollupstudio.chain;

/** The transaction envelopes the runtime understands. */
public enum TxType {
    LEGACY(0x00), ACCESS_LIST(0x01), DYNAMIC_FEE(0x02), BLOB(0x03), DEPOSIT(0x7e);

    public final int code;

    TxType(int code) {
        this.code = code;
    }
}
