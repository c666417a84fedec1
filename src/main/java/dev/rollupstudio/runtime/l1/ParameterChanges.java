package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.chain.Log;
import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.contracts.Governance;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What governance changed in the rollups' parameters, read from the {@code ParameterChanged} logs
 * of the L1's blocks as op-node reads SystemConfig's: a rollup's L2 block uses the values set up
 * to and including its L1 origin, so sequencer and verifier, both deriving from L1, agree on
 * every block's gas limit and fee scalars. Thread-safe: the node's threads read it while the L1 adds.
 */
public final class ParameterChanges {
    /** One change: at which L1 block, for which chain, the key and its new value. */
    public record Change(long l1Block, long chainId, String key, BigInteger value) {}

    private final Map<Long, Map<Hash, NavigableMap<Long, BigInteger>>> byChain = new HashMap<>();
    private final List<Change> all = new ArrayList<>();

    /** Reads one L1 block's changes (each block once, in order). */
    public synchronized void record(long l1Block, List<Receipt> receipts) {
        for (Receipt r : receipts) {
            if (!r.success()) continue;
            for (Log log : r.logs()) {
                if (!log.address().equals(Governance.PARAMETERS) || log.topics().isEmpty()) continue;
                Hash topic = log.topics().get(0);
                if (topic.equals(Governance.PARAMETER_CHANGED) && log.topics().size() == 3) {
                    long chainId = new BigInteger(1, log.topics().get(1).raw()).longValueExact();
                    BigInteger value = Abi.uint(log.data(), 0);
                    byChain.computeIfAbsent(chainId, c -> new HashMap<>()).computeIfAbsent(log.topics().get(2), k -> new TreeMap<>()).put(l1Block, value);
                    all.add(new Change(l1Block, chainId, Governance.keyName(log.topics().get(2)), value));
                }
            }
        }
    }

    /** The value of {@code key} for {@code chainId} as of L1 block {@code l1Block}; null when governance never set it. */
    public synchronized BigInteger valueAt(long chainId, Hash key, long l1Block) {
        Map<Hash, NavigableMap<Long, BigInteger>> keys = byChain.get(chainId);
        if (keys == null) return null;
        NavigableMap<Long, BigInteger> history = keys.get(key);
        if (history == null) return null;
        Map.Entry<Long, BigInteger> e = history.floorEntry(l1Block);
        return e == null ? null : e.getValue();
    }

    /** {@code base} as governance left it at L1 block {@code l1Block}: its gas limit and L1 fee scalars. */
    public RollupConfig at(RollupConfig base, long l1Block) {
        synchronized (this) {
            if (!byChain.containsKey(base.chainId())) return base; // the common case: nothing was ever changed
        }
        RollupConfig c = base;
        BigInteger gas = valueAt(base.chainId(), Governance.GAS_LIMIT, l1Block);
        if (gas != null) c = c.withGasLimit(gas.longValueExact());
        BigInteger baseScalar = valueAt(base.chainId(), Governance.BASE_FEE_SCALAR, l1Block);
        BigInteger blobScalar = valueAt(base.chainId(), Governance.BLOB_BASE_FEE_SCALAR, l1Block);
        if (baseScalar != null || blobScalar != null) {
            c = c.withFees(c.fees().withScalars(baseScalar != null ? baseScalar.longValueExact() : c.fees().baseFeeScalar(),
                    blobScalar != null ? blobScalar.longValueExact() : c.fees().blobBaseFeeScalar()));
        }
        return c;
    }

    /** Every change so far, oldest first. */
    public synchronized List<Change> changes(long chainId) {
        if (!byChain.containsKey(chainId)) return List.of();
        return all.stream().filter(c -> c.chainId() == chainId).toList();
    }
}
