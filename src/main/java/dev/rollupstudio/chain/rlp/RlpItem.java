package dev.rollupstudio.chain.rlp;

import java.math.BigInteger;
import java.util.List;

/** A decoded RLP value: a byte string or a list of items. */
public sealed interface RlpItem {

    record Str(byte[] bytes) implements RlpItem {}

    record Seq(List<RlpItem> items) implements RlpItem {}

    default byte[] bytes() {
        if (this instanceof Str s) return s.bytes();
        throw new RlpException("expected a byte string, found a list");
    }

    default List<RlpItem> list() {
        if (this instanceof Seq l) return l.items();
        throw new RlpException("expected a list, found a byte string");
    }

    /** An unsigned integer: canonical, so no leading zero bytes. */
    default BigInteger bigInt() {
        byte[] b = bytes();
        if (b.length > 0 && b[0] == 0) throw new RlpException("integer has a leading zero byte");
        return b.length == 0 ? BigInteger.ZERO : new BigInteger(1, b);
    }

    default long longValue() {
        BigInteger v = bigInt();
        if (v.bitLength() > 63) throw new RlpException("integer does not fit in 63 bits: " + v);
        return v.longValue();
    }
}
