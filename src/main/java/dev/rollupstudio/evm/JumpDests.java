package dev.rollupstudio.evm;

import java.util.BitSet;

/** The valid JUMP targets of some code: JUMPDEST bytes that are not inside PUSH data. */
final class JumpDests {
    private JumpDests() {}

    static BitSet of(byte[] code) {
        BitSet valid = new BitSet(code.length);
        for (int pc = 0; pc < code.length; pc++) {
            int op = code[pc] & 0xFF;
            if (op == 0x5B) valid.set(pc);
            else if (op >= 0x60 && op <= 0x7F) pc += op - 0x5F;
        }
        return valid;
    }
}
