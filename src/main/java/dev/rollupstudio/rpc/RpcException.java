package dev.rollupstudio.rpc;

/**
 * A JSON-RPC error as clients parse it: the standard codes (-32700 parse, -32600 invalid request,
 * -32601 no such method, -32602 invalid params, -32603 internal), geth's -32000 for a refused
 * transaction or a missing state, and 3 for a call that reverted (with its revert data).
 */
public final class RpcException extends RuntimeException {
    public static final int PARSE = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int NO_METHOD = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL = -32603;
    public static final int SERVER = -32000;
    public static final int REVERTED = 3;

    private final int code;
    private final String data;

    public RpcException(int code, String message) {
        this(code, message, null);
    }

    /** {@code data} is hex (revert data) or null. */
    public RpcException(int code, String message, String data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    public static RpcException invalidParams(String message) {
        return new RpcException(INVALID_PARAMS, message);
    }

    public static RpcException server(String message) {
        return new RpcException(SERVER, message);
    }

    public int code() {
        return code;
    }

    public String data() {
        return data;
    }
}
