package dev.rollupstudio.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.rollupstudio.chain.Bloom;
import dev.rollupstudio.chain.Log;
import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.host.ChainBlock;
import dev.rollupstudio.host.ChainView;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * eth_getLogs' criteria: a block range (or one block hash), addresses (any of), and topics by
 * position, each null (anything), one topic, or a list (any of).
 */
final class LogFilter {
    /** The most blocks one eth_getLogs may scan; ask for a narrower range beyond it. */
    static final long MAX_RANGE = 100_000;

    final BlockRef from;
    final BlockRef to;
    final Hash blockHash;
    private final Set<Address> addresses;
    private final List<Set<Hash>> topics;

    private LogFilter(BlockRef from, BlockRef to, Hash blockHash, Set<Address> addresses, List<Set<Hash>> topics) {
        this.from = from;
        this.to = to;
        this.blockHash = blockHash;
        this.addresses = addresses;
        this.topics = topics;
    }

    static LogFilter parse(JsonNode o, String what) {
        if (o == null || !o.isObject()) throw RpcException.invalidParams(what + ": expected a filter object");
        Hash blockHash = o.hasNonNull("blockHash") ? Hash.of(Hex.parseData(o.get("blockHash").asText(), what + " blockHash", 32)) : null;
        if (blockHash != null && (o.hasNonNull("fromBlock") || o.hasNonNull("toBlock"))) {
            throw RpcException.invalidParams(what + ": give either blockHash or fromBlock/toBlock, not both");
        }
        BlockRef from = o.hasNonNull("fromBlock") ? BlockRef.parse(o.get("fromBlock"), what + " fromBlock") : BlockRef.LATEST;
        BlockRef to = o.hasNonNull("toBlock") ? BlockRef.parse(o.get("toBlock"), what + " toBlock") : BlockRef.LATEST;
        Set<Address> addresses = null;
        JsonNode a = o.get("address");
        if (a != null && !a.isNull()) {
            addresses = new HashSet<>();
            if (a.isArray()) for (JsonNode x : a) addresses.add(Address.of(Hex.parseData(x.asText(), what + " address", 20)));
            else addresses.add(Address.of(Hex.parseData(a.asText(), what + " address", 20)));
        }
        List<Set<Hash>> topics = new ArrayList<>();
        JsonNode t = o.get("topics");
        if (t != null && !t.isNull()) {
            if (!t.isArray() || t.size() > 4) throw RpcException.invalidParams(what + ": topics must be an array of at most 4 positions");
            for (JsonNode p : t) {
                if (p.isNull()) topics.add(null);
                else {
                    Set<Hash> any = new HashSet<>();
                    if (p.isArray()) for (JsonNode x : p) any.add(Hash.of(Hex.parseData(x.asText(), what + " topic", 32)));
                    else any.add(Hash.of(Hex.parseData(p.asText(), what + " topic", 32)));
                    topics.add(any);
                }
            }
        }
        return new LogFilter(from, to, blockHash, addresses, topics);
    }

    boolean matches(Log l) {
        if (addresses != null && !addresses.contains(l.address())) return false;
        if (topics.size() > l.topics().size()) {
            for (int i = l.topics().size(); i < topics.size(); i++) if (topics.get(i) != null) return false;
        }
        for (int i = 0; i < topics.size() && i < l.topics().size(); i++) {
            Set<Hash> any = topics.get(i);
            if (any != null && !any.contains(l.topics().get(i))) return false;
        }
        return true;
    }

    /** Appends the block's matching logs. */
    void collect(ChainBlock cb, ArrayNode out) {
        List<Receipt> receipts = cb.block().receipts();
        if (addresses != null && !mayContain(cb)) return;
        int logIndex = 0;
        for (int i = 0; i < receipts.size(); i++) {
            for (Log l : receipts.get(i).logs()) {
                if (matches(l)) out.add(Shapes.log(cb, i, logIndex, l));
                logIndex++;
            }
        }
    }

    /** The block's bloom rules it out when none of the addresses is in it. */
    private boolean mayContain(ChainBlock cb) {
        byte[] bloom = cb.block().header().logsBloom();
        for (Address a : addresses) {
            byte[] probe = Bloom.of(List.of(new Log(a, List.of(), new byte[0])));
            boolean all = true;
            for (int i = 0; i < probe.length && all; i++) all = (bloom[i] & probe[i]) == probe[i];
            if (all) return true;
        }
        return false;
    }

    /** The logs in the filter's range on {@code chain}. */
    ArrayNode logs(ChainView chain) {
        ArrayNode out = Shapes.JSON.arrayNode();
        if (blockHash != null) {
            ChainBlock b = chain.block(blockHash);
            if (b == null) throw RpcException.server("unknown block " + blockHash.toHex());
            collect(b, out);
            return out;
        }
        long head = chain.heads().latest();
        long first = from.resolve(chain);
        long last = to.resolve(chain);
        if (first < 0) first = head + 1;
        if (last < 0) last = head;
        if (first > last) return out;
        if (last - first + 1 > MAX_RANGE) throw RpcException.server("block range too large: " + (last - first + 1) + " blocks; ask for at most " + MAX_RANGE);
        for (long n = first; n <= last; n++) {
            ChainBlock b = chain.block(n);
            if (b != null) collect(b, out);
        }
        return out;
    }
}
