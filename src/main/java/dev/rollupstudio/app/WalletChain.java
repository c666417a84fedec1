package dev.rollupstudio.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollupstudio.contracts.Alt;
import dev.rollupstudio.contracts.StandardBridge;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.wallet.RpcClient;

/**
 * A chain the wallet talks to, learnt from its endpoint: its id, whether it is a rollup and, for
 * a rollup, what `optimism_rollupConfig` says (its portal and output oracle on L1, its L1 fee
 * scalars). ALT's address and the standard bridge's follow from the devnet's fixed layout.
 */
public record WalletChain(String name, long chainId, RpcClient rpc, Rollup rollup) {

    /** What a rollup's wallet needs of its configuration. */
    public record Rollup(Address portal, Address outputOracle, long baseFeeScalar, long blobBaseFeeScalar) {}

    /** Asks the endpoint at {@code url} what chain it serves. */
    public static WalletChain at(String url) {
        RpcClient rpc = new RpcClient(url);
        long id = rpc.chainId();
        Rollup rollup = null;
        try {
            JsonNode c = rpc.call("optimism_rollupConfig");
            JsonNode sys = c.path("genesis").path("system_config");
            rollup = new Rollup(Address.fromHex(c.get("deposit_contract_address").asText()), Address.fromHex(c.get("l2_output_oracle_address").asText()),
                    sys.path("baseFeeScalar").asLong(), sys.path("blobBaseFeeScalar").asLong());
        } catch (RpcClient.RpcError notARollup) {
            // an L1 has no rollup configuration
        }
        return new WalletChain(rollup == null ? "L1" : "rollup " + id, id, rpc, rollup);
    }

    public boolean isRollup() {
        return rollup != null;
    }

    /** ALT on this chain: the token on the L1, bridged ALT on a rollup. */
    public Address alt() {
        return isRollup() ? Alt.L2_TOKEN : Alt.L1_TOKEN;
    }

    /** This rollup's standard bridge on the L1. */
    public Address l1Bridge() {
        return StandardBridge.l1Bridge(chainId);
    }

    @Override public String toString() {
        return name + " (chain " + chainId + ")";
    }
}
