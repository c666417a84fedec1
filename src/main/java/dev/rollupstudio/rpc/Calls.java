package dev.rollupstudio.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.evm.BlockEnv;
import dev.rollupstudio.evm.Evm;
import dev.rollupstudio.evm.EvmTransaction;
import dev.rollupstudio.evm.TransactionProcessor;
import dev.rollupstudio.host.ChainView;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * eth_call and eth_estimateGas: the transaction runs, as a block would run it, on a private copy
 * of the state after the named block, on threads with the EVM's deep stack (never the chain's
 * own). Unpriced calls run at gas price 0 on a base fee of 0, as geth's do.
 */
public final class Calls {
    /** geth's RPCGasCap: the most gas a call or an estimate may use. */
    static final long GAS_CAP = 50_000_000;

    private final ExecutorService threads;

    public Calls(int threadCount) {
        this.threads = Executors.newFixedThreadPool(threadCount, r -> {
            Thread t = new Thread(null, r, "rpc-evm", Evm.STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
    }

    public void close() {
        threads.shutdownNow();
    }

    <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, threads);
    }

    /** eth_call's answer: the return data, or the revert as error 3 with its data. */
    CompletableFuture<String> call(ChainView chain, CallRequest c, long block, JsonNode overrides) {
        return async(() -> {
            TransactionProcessor.Outcome o = run(chain, c, block, overrides, Math.min(c.gas() != null ? c.gas() : GAS_CAP, Math.min(GAS_CAP, chain.gasLimit())));
            failIfFailed(o);
            return Hex.data(o.output());
        });
    }

    /** debug_traceCall with the callTracer: the call's message tree. */
    CompletableFuture<com.fasterxml.jackson.databind.node.ObjectNode> trace(ChainView chain, CallRequest c, long block, JsonNode overrides) {
        return async(() -> {
            long gas = Math.min(c.gas() != null ? c.gas() : GAS_CAP, Math.min(GAS_CAP, chain.gasLimit()));
            CallTrace t = new CallTrace();
            TransactionProcessor.Outcome o = dev.rollupstudio.evm.Evm.traced(t, () -> run(chain, c, block, overrides, gas));
            if (!o.valid()) throw RpcException.server(o.invalid());
            return t.result(gas, o.gasUsed());
        });
    }

    /** The least gas with which the transaction succeeds (binary search, as geth's estimator). */
    CompletableFuture<Long> estimate(ChainView chain, CallRequest c, long block, JsonNode overrides) {
        return async(() -> {
            boolean next = block == chain.heads().latest(); // latest and pending: the next block
            long hi = Math.min(c.gas() != null ? c.gas() : chain.gasLimit(), chain.gasLimit());
            TransactionProcessor.Outcome top = run(chain, c, block, overrides, hi, next);
            if (!top.valid() || !top.success()) {
                if (top.valid() && !"reverted".equals(top.error()) && top.error() != null && top.error().contains("out of gas")) {
                    throw RpcException.server("gas required exceeds allowance (" + hi + ")");
                }
                failIfFailed(top);
            }
            long lo = TransactionProcessor.intrinsicGas(evmTx(c, 0, hi)) - 1;
            long guess = top.gasUsed();
            if (guess > lo && guess < hi) {
                if (succeeds(run(chain, c, block, overrides, guess, next))) hi = guess;
                else lo = guess;
            }
            while (lo + 1 < hi) {
                long mid = lo + (hi - lo) / 2;
                if (succeeds(run(chain, c, block, overrides, mid, next))) hi = mid;
                else lo = mid;
            }
            return hi;
        });
    }

    private static boolean succeeds(TransactionProcessor.Outcome o) {
        return o.valid() && o.success();
    }

    private static void failIfFailed(TransactionProcessor.Outcome o) {
        if (!o.valid()) throw RpcException.server(o.invalid());
        if (o.success()) return;
        if ("reverted".equals(o.error())) {
            String reason = Abi.revertReason(o.output());
            throw new RpcException(RpcException.REVERTED, reason == null ? "execution reverted" : "execution reverted: " + reason, Hex.data(o.output()));
        }
        throw RpcException.server(o.error() == null ? "execution failed" : o.error());
    }

    /** Runs the call as a transaction with {@code gas} on a copy of the state after {@code block}, in that block's context. */
    private static TransactionProcessor.Outcome run(ChainView chain, CallRequest c, long block, JsonNode overrides, long gas) {
        return run(chain, c, block, overrides, gas, false);
    }

    /**
     * As above; {@code inNextBlock} runs it in the context of the block after (its number, a later
     * time, its base fee), where a transaction sent now will run: what an estimate must price, as
     * Anvil's and Hardhat's do. A contract whose cost depends on the block (a votes checkpoint
     * written once per block) otherwise gets an estimate too low to be mined.
     */
    private static TransactionProcessor.Outcome run(ChainView chain, CallRequest c, long block, JsonNode overrides, long gas, boolean inNextBlock) {
        MutableWorldState state = chain.scratch(block);
        BlockEnv env = chain.env(block);
        if (state == null || env == null) throw RpcException.server("state for block " + block + " is not available (the node keeps the latest 256 blocks' states)");
        if (inNextBlock) {
            env = new BlockEnv(env.coinbase(), env.number() + 1, env.timestamp() + 1, env.gasLimit(), chain.nextBaseFee(), env.prevRandao(), env.blobBaseFee(),
                    env.chainId(), env.blockHash());
        }
        if (overrides != null) applyOverrides(state, overrides);
        if (!c.priced()) {
            env = new BlockEnv(env.coinbase(), env.number(), env.timestamp(), env.gasLimit(), BigInteger.ZERO, env.prevRandao(), env.blobBaseFee(),
                    env.chainId(), env.blockHash());
        }
        long nonce = c.nonce() != null ? c.nonce() : state.nonce(c.sender());
        state.setNonce(c.sender(), nonce); // a call is never refused for its nonce, nor for coming from a contract's address (unsigned)
        EvmTransaction tx = evmTx(c, nonce, Math.max(gas, 0));
        return TransactionProcessor.process(state, env, tx, TransactionProcessor.Fees.ETHEREUM, chain.natives(), false);
    }

    static EvmTransaction evmTx(CallRequest c, long nonce, long gas) {
        boolean feeMarket = c.maxFeePerGas() != null || c.maxPriorityFeePerGas() != null;
        BigInteger maxFee = c.maxFeePerGas() != null ? c.maxFeePerGas() : c.maxPriorityFeePerGas();
        BigInteger tip = c.maxPriorityFeePerGas() != null ? c.maxPriorityFeePerGas() : BigInteger.ZERO;
        return new EvmTransaction(feeMarket ? 2 : (c.accessList().isEmpty() ? 0 : 1), c.sender(), c.to(), nonce, c.valueOrZero(), c.data(), gas,
                feeMarket ? null : (c.gasPrice() != null ? c.gasPrice() : BigInteger.ZERO), feeMarket ? maxFee : null, feeMarket ? tip : null,
                c.accessList(), java.util.List.of(), BigInteger.ZERO);
    }

    /** geth's state override set: per address a balance, nonce, code, and either the whole storage (state) or some slots (stateDiff). */
    private static void applyOverrides(MutableWorldState state, JsonNode overrides) {
        if (!overrides.isObject()) throw RpcException.invalidParams("invalid argument 2 (state overrides): expected an object keyed by address");
        for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String what = "invalid argument 2 (state overrides) " + e.getKey();
            Address a = Address.of(Hex.parseData(e.getKey(), what, 20));
            JsonNode o = e.getValue();
            if (o.hasNonNull("balance")) state.setBalance(a, Wei.of(Hex.parseQuantity(o.get("balance").asText(), what + " balance")));
            if (o.hasNonNull("nonce")) state.setNonce(a, Hex.parseQuantity(o.get("nonce").asText(), what + " nonce").longValue());
            if (o.hasNonNull("code")) state.setCode(a, Hex.parseData(o.get("code").asText(), what + " code", -1));
            if (o.hasNonNull("state") && o.hasNonNull("stateDiff")) throw RpcException.invalidParams(what + ": give state or stateDiff, not both");
            if (o.hasNonNull("state")) state.clearStorage(a);
            JsonNode slots = o.hasNonNull("state") ? o.get("state") : o.get("stateDiff");
            if (slots != null && !slots.isNull()) {
                slots.fields().forEachRemaining(s -> state.setStorage(a, Hash.of(Hex.parseData(s.getKey(), what + " slot", 32)),
                        Hex.parseQuantity(s.getValue().asText(), what + " slot value")));
            }
        }
    }
}
