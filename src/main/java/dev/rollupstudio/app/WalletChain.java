package dev.rollupstudio.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollupstudio.contracts.Alt;
import dev.rollupstudio.contracts.StandardBridge;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Amount;
import dev.rollupstudio.wallet.RpcClient;

/**
 * A chain the wallet talks to, learnt from its endpoint: its id, whether it is a rollup and, for
 * a rollup, what `optimism_rollupConfig` says (its portal and output oracle on L1, its L1 fee
 * scalars). ALT's address and the standard bridge's follow from the devnet's fixed layout.
 */
public record WalletChain(String name, long chainId, RpcClient rpc, Rollup rollup) {

    /**
     * What a rollup's wallet needs of its configuration; {@code gasToken} is its native coin's L1
     * ERC-20 (null: ETH), priced at {@code perEth} token units per ETH for the L1 data fee.
     */
    public record Rollup(Address portal, Address outputOracle, long baseFeeScalar, long blobBaseFeeScalar, Address gasToken, String gasSymbol,
                         long perEthNumerator, long perEthDenominator) {}

    /** Asks the endpoint at {@code url} what chain it serves. */
    public static WalletChain at(String url) {
        RpcClient rpc = new RpcClient(url);
        long id = rpc.chainId();
        Rollup rollup = null;
        try {
            JsonNode c = rpc.call("optimism_rollupConfig");
            JsonNode sys = c.path("genesis").path("system_config");
            JsonNode gas = c.path("custom_gas_token");
            rollup = new Rollup(Address.fromHex(c.get("deposit_contract_address").asText()), Address.fromHex(c.get("l2_output_oracle_address").asText()),
                    sys.path("baseFeeScalar").asLong(), sys.path("blobBaseFeeScalar").asLong(),
                    gas.isMissingNode() ? null : Address.fromHex(gas.get("l1_address").asText()), gas.path("symbol").asText("ETH"),
                    gas.path("per_eth_numerator").asLong(1), gas.path("per_eth_denominator").asLong(1));
        } catch (RpcClient.RpcError notARollup) {
            // an L1 has no rollup configuration
        }
        return new WalletChain(rollup == null ? "L1" : "rollup " + id, id, rpc, rollup);
    }

    public boolean isRollup() {
        return rollup != null;
    }

    /** The chain's native coin: ETH, or a rollup's gas token (ALT, or another ERC-20's symbol). */
    public Amount.Token nativeToken() {
        if (!isRollup() || rollup.gasToken() == null) return Amount.Token.ETH;
        return rollup.gasToken().equals(Alt.L1_TOKEN) ? Amount.Token.ALT : new Amount.Token(rollup.gasSymbol(), 18);
    }

    /** Whether ALT is this chain's native coin rather than an ERC-20 on it. */
    public boolean altIsNative() {
        return nativeToken().equals(Amount.Token.ALT);
    }

    /** An amount of ETH (wei) in the native coin's units, at the rollup's price: how the L1 data fee is charged. */
    public java.math.BigInteger fromEth(java.math.BigInteger wei) {
        if (!isRollup() || rollup.gasToken() == null) return wei;
        return wei.multiply(java.math.BigInteger.valueOf(rollup.perEthNumerator())).divide(java.math.BigInteger.valueOf(rollup.perEthDenominator()));
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
