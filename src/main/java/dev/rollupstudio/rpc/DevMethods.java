package dev.rollupstudio.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollupstudio.host.ChainView;
import dev.rollupstudio.host.DevnetHost;
import dev.rollupstudio.state.StateEdit;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The test-suite methods Anvil and Hardhat offer. Snapshots cover the whole devnet (the L1 and
 * every rollup), since a rollup's batches live on the L1. Both families' names answer; each
 * answers what its own client expects (anvil_ methods null, hardhat_ methods true).
 */
final class DevMethods {
    private DevMethods() {}

    static void register(Map<String, Method> m, ChainView chain, DevnetHost host, Impersonation impersonation) {
        m.put("evm_mine", p -> chain.mine().thenApply(n -> "0x0"));
        m.put("anvil_mine", p -> mine(chain, blocks(p)).thenApply(n -> null));
        m.put("hardhat_mine", p -> mine(chain, blocks(p)).thenApply(n -> true));
        m.put("evm_snapshot", p -> host.takeSnapshot().thenApply(Hex::quantity));
        m.put("evm_revert", p -> host.revertTo(p.atMost(1).longQuantity(0, "snapshot id")).thenApply(Boolean.class::cast));
        m.put("evm_increaseTime", p -> checked(chain.shiftTime(seconds(p.atMost(1), 0, "seconds"))));
        m.put("evm_setNextBlockTimestamp", p -> checked(chain.nextTimestamp(seconds(p.atMost(1), 0, "timestamp"))).thenApply(v -> null));
        for (String family : List.of("anvil", "hardhat")) {
            Object done = family.equals("anvil") ? null : Boolean.TRUE;
            m.put(family + "_setBalance", p -> edit(chain, new StateEdit.Balance(p.atMost(2).address(0, "address"), wei(p)), done));
            m.put(family + "_setNonce", p -> edit(chain, new StateEdit.Nonce(p.atMost(2).address(0, "address"), p.longQuantity(1, "nonce")), done));
            m.put(family + "_setCode", p -> edit(chain, new StateEdit.Code(p.atMost(2).address(0, "address"), p.data(1, "code")), done));
            m.put(family + "_setStorageAt", p -> edit(chain, storage(p.atMost(3)), true));
            m.put(family + "_impersonateAccount", p -> {
                impersonation.start(p.atMost(1).address(0, "address"));
                return done;
            });
            m.put(family + "_stopImpersonatingAccount", p -> {
                impersonation.stop(p.atMost(1).address(0, "address"));
                return done;
            });
        }
        m.put("anvil_autoImpersonateAccount", p -> {
            if (!p.atMost(1).has(0) || !p.node(0).isBoolean()) throw Params.bad(0, "enabled", "expected true or false");
            impersonation.everyone(p.node(0).asBoolean());
            return null;
        });
    }

    private static CompletableFuture<Object> edit(ChainView chain, StateEdit e, Object answer) {
        return checked(chain.edit(List.of(e))).thenApply(v -> answer);
    }

    private static Wei wei(Params p) {
        BigInteger v = p.quantity(1, "balance");
        if (v.bitLength() > 256) throw Params.bad(1, "balance", "more than 256 bits");
        return Wei.of(v);
    }

    /** Anvil's slot may be a quantity or 32 bytes; the value is 32 bytes (Hardhat insists), or a quantity. */
    private static StateEdit storage(Params p) {
        Address a = p.address(0, "address");
        BigInteger slot = p.quantity(1, "slot");
        BigInteger value = p.quantity(2, "value");
        if (slot.bitLength() > 256) throw Params.bad(1, "slot", "more than 32 bytes");
        if (value.bitLength() > 256) throw Params.bad(2, "value", "more than 32 bytes");
        return new StateEdit.Storage(a, Hash.of(EthMethods.leftPad(slot)), value);
    }

    /** Seconds as a hex quantity or a JSON number, as clients send either. */
    private static long seconds(Params p, int i, String name) {
        JsonNode n = p.node(i);
        if (n != null && n.isIntegralNumber()) {
            if (!n.canConvertToLong() || n.asLong() < 0) throw Params.bad(i, name, "expected a non-negative number of seconds");
            return n.asLong();
        }
        long v = p.longQuantity(i, name);
        if (v > Long.MAX_VALUE / 1000) throw Params.bad(i, name, "too far in the future");
        return v;
    }

    /** The chain's refusals of a bad value (a timestamp in the past) are the caller's mistake: -32602. */
    private static <T> CompletableFuture<Object> checked(CompletableFuture<T> f) {
        return f.handle((v, e) -> {
            if (e == null) return v;
            Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (t instanceof IllegalArgumentException || t instanceof ArithmeticException) throw RpcException.invalidParams(t.getMessage());
            throw e instanceof CompletionException c ? c : new CompletionException(t);
        });
    }

    private static long blocks(Params p) {
        long n = p.has(0) ? p.longQuantity(0, "blocks") : 1;
        if (n < 1 || n > 10_000) throw Params.bad(0, "blocks", "mine 1 to 10,000 blocks at a time");
        return n;
    }

    private static CompletableFuture<Long> mine(ChainView chain, long blocks) {
        var f = chain.mine();
        for (long i = 1; i < blocks; i++) f = f.thenCompose(n -> chain.mine());
        return f;
    }
}
