package dev.rollupstudio.evm;

import java.util.BitSet;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/** The valid JUMP targets of some code: JUMPDEST bytes that are not inside PUSH data. */
final class JumpDests {
    /**
     * Analyses by code array, compared by identity (a byte[] key hashes by identity): the world
     * state hands out the same array for the same code, so a token called by every transaction is
     * analysed once, and the entry goes when the array does.
     */
    private static final Map<byte[], BitSet> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private JumpDests() {}

    /** The valid targets; the set is shared, never modify it. */
    static BitSet of(byte[] code) {
        if (code.length < 64) return analyse(code);
        BitSet cached = CACHE.get(code);
        if (cached != null) return cached;
        BitSet valid = analyse(code);
        CACHE.put(code, valid);
        return valid;
    }

    private static BitSet analyse(byte[] code) {
        BitSet valid = new BitSet(code.length);
        for (int pc = 0; pc < code.length; pc++) {
            int op = code[pc] & 0xFF;
            if (op == 0x5B) valid.set(pc);
            else if (op >= 0x60 && op <= 0x7F) pc += op - 0x5F;
        }
        return valid;
    }
}
