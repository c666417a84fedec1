package dev.rollupstudio.rpc;

import dev.rollupstudio.host.ChainView;
import java.util.Map;

/** web3_ and net_: who answers, and on which network. */
final class NetMethods {
    static final String CLIENT_VERSION = "RollupStudio/v0.1.0/java" + Runtime.version().feature();

    private NetMethods() {}

    static void register(Map<String, Method> m, ChainView chain) {
        m.put("web3_clientVersion", p -> CLIENT_VERSION);
        m.put("web3_sha3", p -> Hex.data(dev.rollupstudio.chain.Keccak.digest(p.atMost(1).data(0, "data"))));
        m.put("net_version", p -> Long.toString(chain.chainId()));
        m.put("net_listening", p -> true);
        m.put("net_peerCount", p -> "0x0");
    }
}
