package dev.rollupstudio.chain.rlp;

/** Input that is not canonical RLP; the message says where and why. */
public class RlpException extends RuntimeException {
    public RlpException(String message) {
        super(message);
    }
}
