package dev.rollupstudio.chain;

/** Raw bytes that do not decode to a transaction; the message says which field is wrong. */
public class MalformedTransactionException extends RuntimeException {
    public MalformedTransactionException(String message) {
        super(message);
    }
}
