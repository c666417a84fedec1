package dev.rollupstudio.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.TxType;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.chain.AccessListEntry;
import dev.rollupstudio.host.ChainBlock;
import dev.rollupstudio.host.ChainView;
import dev.rollupstudio.host.Submitted;
import dev.rollupstudio.state.Account;
import dev.rollupstudio.state.WorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The eth_ namespace over one chain's view. */
final class EthMethods {
    private final ChainView chain;
    private final Calls calls;
    private final Map<Address, Signer> unlocked;
    private final Impersonation impersonation;

    EthMethods(ChainView chain, Calls calls, Map<Address, Signer> unlocked, Impersonation impersonation) {
        this.impersonation = impersonation;
        this.chain = chain;
        this.calls = calls;
        this.unlocked = unlocked;
    }

    void register(Map<String, Method> m) {
        m.put("eth_chainId", p -> Hex.quantity(chain.chainId()));
        m.put("eth_blockNumber", p -> Hex.quantity(chain.heads().latest()));
        m.put("eth_syncing", p -> false);
        m.put("eth_mining", p -> true);
        m.put("eth_hashrate", p -> "0x0");
        m.put("eth_accounts", p -> accounts());
        m.put("eth_gasPrice", p -> Hex.quantity(chain.nextBaseFee().add(chain.suggestedTip())));
        m.put("eth_maxPriorityFeePerGas", p -> Hex.quantity(chain.suggestedTip()));
        m.put("eth_blobBaseFee", p -> Hex.quantity(chain.env(chain.heads().latest()).blobBaseFee()));
        m.put("eth_getBalance", p -> Hex.quantity(state(p.atMost(2), 1).balance(p.address(0, "address")).value()));
        m.put("eth_getCode", p -> Hex.data(state(p.atMost(2), 1).code(p.address(0, "address"))));
        m.put("eth_getStorageAt", p -> {
            BigInteger slot = p.atMost(3).quantity(1, "slot");
            if (slot.bitLength() > 256) throw Params.bad(1, "slot", "more than 32 bytes");
            BigInteger v = state(p, 2).storage(p.address(0, "address"), Hash.of(leftPad(slot)));
            return Hex.data(leftPad(v));
        });
        m.put("eth_getTransactionCount", p -> {
            Address a = p.atMost(2).address(0, "address");
            BlockRef ref = p.block(1, "block", BlockRef.LATEST);
            if ("pending".equals(ref.tag())) return chain.pendingNonce(a).thenApply(Hex::quantity);
            return Hex.quantity(state(p, 1).nonce(a));
        });
        m.put("eth_getProof", p -> proof(p.atMost(3)));
        m.put("eth_call", p -> {
            p.atMost(3);
            return calls.call(chain, CallRequest.parse(p.node(0), Params.arg(0, "transaction")), number(p, 1), p.node(2));
        });
        m.put("eth_estimateGas", p -> {
            p.atMost(3);
            return calls.estimate(chain, CallRequest.parse(p.node(0), Params.arg(0, "transaction")), number(p, 1), p.node(2)).thenApply(Hex::quantity);
        });
        m.put("eth_sendRawTransaction", p -> send(decode(p.atMost(1).data(0, "raw transaction"))));
        m.put("eth_sendTransaction", p -> sendTransaction(CallRequest.parse(p.atMost(1).node(0), Params.arg(0, "transaction"))));
        m.put("eth_getBlockByNumber", p -> {
            ChainBlock b = byNumber(p.atMost(2), 0);
            return b == null ? null : Shapes.block(b, p.bool(1, "full transactions", false));
        });
        m.put("eth_getBlockByHash", p -> {
            ChainBlock b = chain.block(p.atMost(2).hash(0, "block hash"));
            return b == null ? null : Shapes.block(b, p.bool(1, "full transactions", false));
        });
        m.put("eth_getBlockTransactionCountByNumber", p -> {
            ChainBlock b = byNumber(p.atMost(1), 0);
            return b == null ? null : Hex.quantity(b.block().transactions().size());
        });
        m.put("eth_getBlockTransactionCountByHash", p -> {
            ChainBlock b = chain.block(p.atMost(1).hash(0, "block hash"));
            return b == null ? null : Hex.quantity(b.block().transactions().size());
        });
        m.put("eth_getTransactionByBlockNumberAndIndex", p -> txAt(byNumber(p.atMost(2), 0), p.longQuantity(1, "index")));
        m.put("eth_getTransactionByBlockHashAndIndex", p -> txAt(chain.block(p.atMost(2).hash(0, "block hash")), p.longQuantity(1, "index")));
        m.put("eth_getUncleCountByBlockNumber", p -> "0x0");
        m.put("eth_getUncleCountByBlockHash", p -> "0x0");
        m.put("eth_getTransactionByHash", p -> transaction(p.atMost(1).hash(0, "transaction hash")));
        m.put("eth_getTransactionReceipt", p -> {
            ChainView.TxLocation at = chain.transaction(p.atMost(1).hash(0, "transaction hash"));
            return at == null ? null : Shapes.receipt(at.block(), at.index());
        });
        m.put("eth_getBlockReceipts", p -> {
            ChainBlock b = byNumber(p.atMost(1), 0);
            if (b == null) return null;
            ArrayNode out = Shapes.JSON.arrayNode();
            for (int i = 0; i < b.block().transactions().size(); i++) out.add(Shapes.receipt(b, i));
            return out;
        });
        m.put("eth_getLogs", p -> LogFilter.parse(p.atMost(1).node(0), Params.arg(0, "filter")).logs(chain));
        m.put("eth_feeHistory", p -> feeHistory(p.atMost(3)));
    }

    private static long missing(int i, String name) {
        throw RpcException.invalidParams("missing value for required argument " + i + " (" + name + ")");
    }

    private ChainBlock byNumber(Params p, int i) {
        BlockRef ref = p.block(i, "block", null);
        if (ref == null) missing(i, "block");
        long n = ref.resolve(chain);
        return n < 0 ? null : chain.block(n);
    }

    private ArrayNode accounts() {
        ArrayNode out = Shapes.JSON.arrayNode();
        for (Address a : unlocked.keySet()) out.add(a.toHex());
        return out;
    }

    /** The block a state read names; an unknown block or a pruned state is an error, as geth says it. */
    private long number(Params p, int i) {
        BlockRef ref = p.block(i, "block", BlockRef.LATEST);
        long n = ref.resolve(chain);
        if (n < 0) throw RpcException.server(ref.hash() != null ? "header for hash not found" : "header not found");
        return n;
    }

    private WorldState state(Params p, int i) {
        long n = number(p, i);
        WorldState s = chain.state(n);
        if (s == null) throw RpcException.server("missing trie node: the state of block " + n + " is no longer kept (the node keeps the latest 256 blocks' states)");
        return s;
    }

    static byte[] leftPad(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    private static Transaction decode(byte[] raw) {
        try {
            Transaction tx = Transaction.decode(raw);
            if (tx.isDeposit()) throw RpcException.server("deposit transactions come from L1 only; they cannot be sent over RPC");
            return tx;
        } catch (RpcException e) {
            throw e;
        } catch (RuntimeException e) {
            throw RpcException.invalidParams("invalid argument 0 (raw transaction): " + e.getMessage());
        }
    }

    private CompletableFuture<String> send(Transaction tx) {
        try {
            tx.sender(); // recovered here, on the server's thread, not the chain's
        } catch (RuntimeException e) {
            throw RpcException.server("invalid sender: " + e.getMessage());
        }
        return chain.submit(tx).thenApply(EthMethods::hashOrError);
    }

    private static String hashOrError(Submitted s) {
        if (s.accepted()) return s.hash().toHex();
        throw RpcException.server(s.message());
    }

    /** Signs for an unlocked dev account, filling nonce, gas and fees as a wallet would, then sends. */
    private CompletableFuture<String> sendTransaction(CallRequest c) {
        if (c.from() == null) throw RpcException.invalidParams("invalid argument 0 (transaction): from is required");
        Signer key = unlocked.get(c.from());
        if (key == null) key = impersonation.signerFor(c.from());
        if (key == null) throw RpcException.server("unknown account " + c.from().toHex() + ": eth_sendTransaction signs for the node's dev accounts only (see eth_accounts)"
                + " and impersonated ones (anvil_impersonateAccount); or sign it yourself and use eth_sendRawTransaction");
        Signer signer = key;
        CompletableFuture<Long> nonce = c.nonce() != null ? CompletableFuture.completedFuture(c.nonce()) : chain.pendingNonce(c.from());
        CompletableFuture<Long> gas = c.gas() != null ? CompletableFuture.completedFuture(c.gas())
                : calls.estimate(chain, c, chain.heads().latest(), null);
        return nonce.thenCombine(gas, (n, g) -> {
            List<AccessListEntry> access = c.accessList().stream().map(e -> new AccessListEntry(e.address(), e.keys())).toList();
            UnsignedTransaction u;
            if (c.gasPrice() != null) {
                u = new UnsignedTransaction(access.isEmpty() ? TxType.LEGACY : TxType.ACCESS_LIST, chain.chainId(), n, c.gasPrice(), c.gasPrice(), g, c.to(),
                        c.valueOrZero(), c.data(), access);
            } else {
                BigInteger tip = c.maxPriorityFeePerGas() != null ? c.maxPriorityFeePerGas() : chain.suggestedTip();
                BigInteger cap = c.maxFeePerGas() != null ? c.maxFeePerGas() : chain.nextBaseFee().multiply(BigInteger.TWO).add(tip);
                u = new UnsignedTransaction(TxType.DYNAMIC_FEE, chain.chainId(), n, tip, cap, g, c.to(), c.valueOrZero(), c.data(), access);
            }
            return signer.sign(u);
        }).thenCompose(this::send);
    }

    private Object transaction(Hash h) {
        ChainView.TxLocation at = chain.transaction(h);
        if (at != null) return Shapes.transaction(at.block().block().transactions().get(at.index()), at.block(), at.index());
        return chain.pool().thenApply(pool -> {
            for (List<Transaction> list : List.of(pool.pending(), pool.queued())) {
                for (Transaction t : list) if (t.hash().equals(h)) return Shapes.transaction(t, null, 0);
            }
            return null;
        });
    }

    private static ObjectNode txAt(ChainBlock b, long index) {
        if (b == null || index < 0 || index >= b.block().transactions().size()) return null;
        return Shapes.transaction(b.block().transactions().get((int) index), b, (int) index);
    }

    /** EIP-1186: the account and the asked slots with their Merkle proofs against the block's state root. */
    private ObjectNode proof(Params p) {
        Address a = p.address(0, "address");
        JsonNode keys = p.node(1);
        if (keys == null || !keys.isArray()) throw Params.bad(1, "storage keys", "expected an array of 32-byte keys");
        WorldState s = state(p, 2);
        Account acc = s.account(a);
        ObjectNode o = Shapes.JSON.objectNode();
        o.put("address", a.toHex());
        ArrayNode proof = o.putArray("accountProof");
        for (byte[] node : s.accountProof(a)) proof.add(Hex.data(node));
        o.put("balance", Hex.quantity(acc.balance().value()));
        o.put("codeHash", acc.codeHash().toHex());
        o.put("nonce", Hex.quantity(acc.nonce()));
        o.put("storageHash", acc.storageRoot().toHex());
        ArrayNode storage = o.putArray("storageProof");
        var trie = s.storageTrie(a);
        for (JsonNode k : keys) {
            BigInteger slot = Hex.parseQuantity(k.asText(), Params.arg(1, "storage keys"));
            Hash key = Hash.of(leftPad(slot));
            ObjectNode e = storage.addObject();
            e.put("key", k.asText());
            e.put("value", Hex.quantity(s.storage(a, key)));
            ArrayNode sp = e.putArray("proof");
            for (byte[] node : trie.proof(dev.rollupstudio.chain.Keccak.digest(key.raw()))) sp.add(Hex.data(node));
        }
        return o;
    }

    /** eth_feeHistory: base fees (one more than the blocks: the next block's), gas used ratios and tip percentiles weighted by gas. */
    private ObjectNode feeHistory(Params p) {
        JsonNode countNode = p.node(0);
        if (countNode == null) missing(0, "block count");
        long count = countNode.isNumber() ? countNode.asLong() : p.longQuantity(0, "block count");
        if (count < 1 || count > 1024) throw Params.bad(0, "block count", "must be between 1 and 1024");
        long newest = number(p, 1);
        long oldest = Math.max(0, newest - count + 1);
        List<Double> percentiles = new ArrayList<>();
        JsonNode pc = p.node(2);
        if (pc != null) {
            if (!pc.isArray() || pc.size() > 100) throw Params.bad(2, "reward percentiles", "expected an array of at most 100 numbers");
            double last = -1;
            for (JsonNode x : pc) {
                double v = x.asDouble(-1);
                if (!x.isNumber() || v < 0 || v > 100 || v < last) throw Params.bad(2, "reward percentiles", "numbers from 0 to 100 in increasing order");
                percentiles.add(v);
                last = v;
            }
        }
        ObjectNode o = Shapes.JSON.objectNode();
        o.put("oldestBlock", Hex.quantity(oldest));
        ArrayNode baseFees = o.putArray("baseFeePerGas");
        ArrayNode ratios = o.putArray("gasUsedRatio");
        ArrayNode rewards = pc != null ? o.putArray("reward") : null;
        for (long n = oldest; n <= newest; n++) {
            ChainBlock b = chain.block(n);
            var h = b.block().header();
            baseFees.add(Hex.quantity(h.baseFeePerGas() != null ? h.baseFeePerGas() : BigInteger.ZERO));
            ratios.add(h.gasLimit() == 0 ? 0.0 : (double) h.gasUsed() / h.gasLimit());
            if (rewards != null) rewards.add(rewards(b, percentiles));
        }
        ChainBlock after = chain.block(newest + 1);
        baseFees.add(Hex.quantity(after != null ? after.block().header().baseFeePerGas() : chain.nextBaseFee()));
        return o;
    }

    private static ArrayNode rewards(ChainBlock b, List<Double> percentiles) {
        ArrayNode out = Shapes.JSON.arrayNode();
        BigInteger baseFee = b.block().header().baseFeePerGas();
        List<long[]> tipAndGas = new ArrayList<>();
        List<BigInteger> tips = new ArrayList<>();
        List<Transaction> txs = b.block().transactions();
        List<Receipt> receipts = b.block().receipts();
        long total = 0;
        for (int i = 0; i < txs.size(); i++) {
            if (txs.get(i).isDeposit()) continue;
            tips.add(txs.get(i).effectiveTip(baseFee));
            tipAndGas.add(new long[] {tips.size() - 1, receipts.get(i).gasUsed()});
            total += receipts.get(i).gasUsed();
        }
        tipAndGas.sort((x, y) -> tips.get((int) x[0]).compareTo(tips.get((int) y[0])));
        for (double pct : percentiles) {
            if (tipAndGas.isEmpty()) {
                out.add("0x0");
                continue;
            }
            double threshold = total * pct / 100;
            long sum = 0;
            BigInteger tip = tips.get((int) tipAndGas.get(tipAndGas.size() - 1)[0]);
            for (long[] t : tipAndGas) {
                sum += t[1];
                if (sum >= threshold) {
                    tip = tips.get((int) t[0]);
                    break;
                }
            }
            out.add(Hex.quantity(tip));
        }
        return out;
    }
}
