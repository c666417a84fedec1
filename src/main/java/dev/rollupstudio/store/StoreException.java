package dev.rollupstudio.store;

/** A database that cannot be used; the message says what is wrong and what to do. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
