package dev.rollupstudio.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollupstudio.host.ChainBlock;
import dev.rollupstudio.host.ChainView;
import dev.rollupstudio.host.Heads;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;

/** A block named by a tag ("latest", "pending", "safe", "finalized", "earliest"), a number or a hash. */
public record BlockRef(String tag, Long number, Hash hash) {
    public static final BlockRef LATEST = new BlockRef("latest", null, null);
    public static final BlockRef PENDING = new BlockRef("pending", null, null);

    static BlockRef parse(JsonNode n, String what) {
        if (n.isObject()) {
            if (n.hasNonNull("blockHash")) return new BlockRef(null, null, Hash.of(Hex.parseData(n.get("blockHash").asText(), what + " blockHash", 32)));
            if (n.hasNonNull("blockNumber")) return parse(n.get("blockNumber"), what);
            throw RpcException.invalidParams(what + ": expected blockHash or blockNumber in the object");
        }
        if (!n.isTextual()) throw RpcException.invalidParams(what + ": expected a block number or a tag (latest, pending, safe, finalized, earliest)");
        String s = n.asText();
        return switch (s) {
            case "latest", "pending", "safe", "finalized", "earliest" -> new BlockRef(s, null, null);
            default -> {
                if (!s.startsWith("0x")) throw RpcException.invalidParams(what + ": expected a block number or a tag (latest, pending, safe, finalized, earliest), got " + Hex.quote(s));
                if (s.length() == 66) yield new BlockRef(null, null, Hash.of(Bytes.fromHex(s)));
                yield new BlockRef(null, Hex.parseQuantity(s, what).longValueExact(), null);
            }
        };
    }

    /** The block number this names on {@code chain}, or -1 when no such block exists (a hash not known, a number ahead of the head). */
    public long resolve(ChainView chain) {
        Heads h = chain.heads();
        if (hash != null) {
            ChainBlock b = chain.block(hash);
            return b == null ? -1 : b.number();
        }
        if (number != null) return number <= h.latest() ? number : -1;
        return switch (tag) {
            case "earliest" -> 0;
            case "safe" -> h.safe();
            case "finalized" -> h.finalized();
            default -> h.latest(); // latest, and pending: the next block's state is the head's plus the pool, which calls do not see
        };
    }
}
