package dev.rollupstudio.rpc;

/**
 * One JSON-RPC method: its answer is a JSON value (a String, Boolean, JsonNode or null) or a
 * CompletableFuture of one; a wrong call throws {@link RpcException}.
 */
@FunctionalInterface
interface Method {
    Object call(Params params);
}
