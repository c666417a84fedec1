package dev.rollupstudio.rpc;

import dev.rollupstudio.host.ChainView;
import java.util.Map;

/** The test-suite methods Anvil and Hardhat offer, as far as a rollup derived from L1 allows them. */
final class DevMethods {
    private DevMethods() {}

    static void register(Map<String, Method> m, ChainView chain) {
        m.put("evm_mine", p -> chain.mine().thenApply(n -> "0x0"));
        m.put("anvil_mine", p -> mine(chain, blocks(p)).thenApply(n -> null));
        m.put("hardhat_mine", p -> mine(chain, blocks(p)).thenApply(n -> true));
    }

    private static long blocks(Params p) {
        long n = p.has(0) ? p.longQuantity(0, "blocks") : 1;
        if (n < 1 || n > 10_000) throw Params.bad(0, "blocks", "mine 1 to 10,000 blocks at a time");
        return n;
    }

    private static java.util.concurrent.CompletableFuture<Long> mine(ChainView chain, long blocks) {
        var f = chain.mine();
        for (long i = 1; i < blocks; i++) f = f.thenCompose(n -> chain.mine());
        return f;
    }
}
