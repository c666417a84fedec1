package dev.rollupstudio.evm;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.Log;
import dev.rollupstudio.state.Account;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import java.util.ArrayList;
import java.util.List;

/** One execution frame: its code, program counter, stack, memory, gas and return data. */
final class Frame {
    private final Evm evm;
    private final Journal journal;
    private final MutableWorldState state;
    private final BlockEnv block;
    private final TxEnv tx;
    private final Evm.Message m;
    private final byte[] code;
    private final java.util.BitSet jumpdests;
    /** Grows to the 1,024 limit as needed: most frames use a few dozen slots, and a 1,024-slot array per call was a measurable cost. */
    private Word[] stack = new Word[32];
    private int sp;
    private final Memory memory = new Memory();
    private long gas;
    private byte[] returnData = new byte[0];
    private int pc;

    Frame(Evm evm, Evm.Message m) {
        this.evm = evm;
        this.journal = evm.journal;
        this.state = evm.state;
        this.block = evm.block;
        this.tx = evm.tx;
        this.m = m;
        this.code = m.code();
        this.jumpdests = JumpDests.of(code);
        this.gas = m.gas();
    }

    private void use(long cost) {
        if (cost < 0 || cost > gas) throw new Evm.Halt("out of gas");
        gas -= cost;
    }

    private Word pop() {
        if (sp == 0) throw new Evm.Halt("stack underflow");
        return stack[--sp];
    }

    private void push(Word w) {
        if (sp == stack.length) {
            if (sp == 1024) throw new Evm.Halt("stack overflow");
            stack = java.util.Arrays.copyOf(stack, Math.min(1024, 2 * sp));
        }
        stack[sp++] = w;
    }

    private void need(int items) {
        if (sp < items) throw new Evm.Halt("stack underflow");
    }

    /** Charges memory expansion for [offset, offset+length) and grows it; returns the offset as an int. */
    private int mem(Word offset, Word length) {
        if (length.isZero()) return 0;
        // 2 GB of memory would cost ~10^13 gas; each bound is checked alone first, so the sum cannot overflow
        long limit = Integer.MAX_VALUE - 64;
        if (!offset.fitsLong() || !length.fitsLong() || offset.u0 > limit || length.u0 > limit || offset.u0 + length.u0 > limit) {
            throw new Evm.Halt("out of gas (memory)");
        }
        long end = offset.u0 + length.u0;
        long words = Gas.words(end);
        long now = memory.size() / 32;
        if (words > now) use(Gas.memoryCost(words) - Gas.memoryCost(now));
        memory.expand(offset.u0, length.u0);
        return (int) offset.u0;
    }

    private int mem(Word offset, long length) {
        return mem(offset, Word.of(length));
    }

    private void staticCheck() {
        if (m.isStatic()) throw new Evm.Halt("state change in a static call");
    }

    private long accessCost(Address a) {
        return journal.warm(a) ? Gas.COLD_ACCOUNT : Gas.WARM_ACCESS;
    }

    Evm.Result run() {
        try {
            while (pc < code.length) {
                int op = code[pc] & 0xFF;
                if (op >= 0x60 && op <= 0x7F) { // PUSH1..PUSH32
                    use(Gas.VERYLOW);
                    int n = op - 0x5F;
                    int avail = Math.min(n, code.length - pc - 1);
                    Word w = Word.fromBytes(code, pc + 1, Math.max(avail, 0));
                    if (avail < n) w = w.shl(Word.of(8L * (n - avail))); // code ends early: missing bytes are zeros on the right
                    push(w);
                    pc += 1 + n;
                    continue;
                }
                if (op >= 0x80 && op <= 0x8F) { // DUP1..DUP16
                    use(Gas.VERYLOW);
                    int n = op - 0x7F;
                    need(n);
                    push(stack[sp - n]);
                    pc++;
                    continue;
                }
                if (op >= 0x90 && op <= 0x9F) { // SWAP1..SWAP16
                    use(Gas.VERYLOW);
                    int n = op - 0x8F;
                    need(n + 1);
                    Word t = stack[sp - 1];
                    stack[sp - 1] = stack[sp - 1 - n];
                    stack[sp - 1 - n] = t;
                    pc++;
                    continue;
                }
                Evm.Result done = step(op);
                if (done != null) return done;
            }
            return new Evm.Result(true, gas, new byte[0], false, null);
        } catch (Evm.Halt h) {
            return Evm.Result.halt(h.getMessage());
        } catch (StackOverflowError e) {
            return Evm.Result.halt("the Java stack is too small for this call depth; run the EVM on a thread with a larger stack");
        }
    }

    /** Runs one opcode; returns the frame's result when it ends here, else null. */
    private Evm.Result step(int op) {
        switch (op) {
            case 0x00 -> {
                return new Evm.Result(true, gas, new byte[0], false, null);
            }
            case 0x01 -> { use(Gas.VERYLOW); need(2); Word a = pop(), b = pop(); push(a.add(b)); }
            case 0x02 -> { use(Gas.LOW); need(2); Word a = pop(), b = pop(); push(a.mul(b)); }
            case 0x03 -> { use(Gas.VERYLOW); need(2); Word a = pop(), b = pop(); push(a.sub(b)); }
            case 0x04 -> { use(Gas.LOW); need(2); Word a = pop(), b = pop(); push(a.div(b)); }
            case 0x05 -> { use(Gas.LOW); need(2); Word a = pop(), b = pop(); push(a.sdiv(b)); }
            case 0x06 -> { use(Gas.LOW); need(2); Word a = pop(), b = pop(); push(a.mod(b)); }
            case 0x07 -> { use(Gas.LOW); need(2); Word a = pop(), b = pop(); push(a.smod(b)); }
            case 0x08 -> { use(Gas.MID); need(3); Word a = pop(), b = pop(), n = pop(); push(a.addmod(b, n)); }
            case 0x09 -> { use(Gas.MID); need(3); Word a = pop(), b = pop(), n = pop(); push(a.mulmod(b, n)); }
            case 0x0A -> {
                need(2);
                Word a = pop(), e = pop();
                use(Gas.EXP + Gas.EXP_BYTE * e.byteLength());
                push(a.exp(e));
            }
            case 0x0B -> { use(Gas.LOW); need(2); Word b = pop(), x = pop(); push(x.signExtend(b)); }
            case 0x10 -> { use(Gas.VERYLOW); need(2); Word a = pop(), b = pop(); push(a.compareTo(b) < 0 ? Word.ONE : Word.ZERO); }
            case 0x11 -> { use(Gas.VERYLOW); need(2); Word a = pop(), b = pop(); push(a.compareTo(b) > 0 ? Word.ONE : Word.ZERO); }
            case 0x12 -> { use(Gas.VERYLOW); need(2); Word a = pop(), b = pop(); push(a.compareSigned(b) < 0 ? Word.ONE : Word.ZERO); }
            case 0x13 -> { use(Gas.VERYLOW); need(2); Word a = pop(), b = pop(); push(a.compareSigned(b) > 0 ? Word.ONE : Word.ZERO); }
            case 0x14 -> { use(Gas.VERYLOW); need(2); Word a = pop(), b = pop(); push(a.equals(b) ? Word.ONE : Word.ZERO); }
            case 0x15 -> { use(Gas.VERYLOW); need(1); push(pop().isZero() ? Word.ONE : Word.ZERO); }
            case 0x16 -> { use(Gas.VERYLOW); need(2); Word a = pop(), b = pop(); push(a.and(b)); }
            case 0x17 -> { use(Gas.VERYLOW); need(2); Word a = pop(), b = pop(); push(a.or(b)); }
            case 0x18 -> { use(Gas.VERYLOW); need(2); Word a = pop(), b = pop(); push(a.xor(b)); }
            case 0x19 -> { use(Gas.VERYLOW); need(1); push(pop().not()); }
            case 0x1A -> { use(Gas.VERYLOW); need(2); Word i = pop(), x = pop(); push(x.byteAt(i)); }
            case 0x1B -> { use(Gas.VERYLOW); need(2); Word s = pop(), x = pop(); push(x.shl(s)); }
            case 0x1C -> { use(Gas.VERYLOW); need(2); Word s = pop(), x = pop(); push(x.shr(s)); }
            case 0x1D -> { use(Gas.VERYLOW); need(2); Word s = pop(), x = pop(); push(x.sar(s)); }
            case 0x20 -> { // KECCAK256
                need(2);
                Word off = pop(), len = pop();
                use(Gas.KECCAK + Gas.KECCAK_WORD * Gas.words(len.clampedLong()));
                int o = mem(off, len);
                push(Word.fromBytes(Keccak.digest(memory.read(o, (int) len.clampedLong()))));
            }
            case 0x30 -> { use(Gas.BASE); push(Evm.word(m.target())); }
            case 0x31 -> { need(1); Address a = Evm.address(pop()); use(accessCost(a)); push(Word.of(state.balance(a).value())); }
            case 0x32 -> { use(Gas.BASE); push(Evm.word(tx.origin())); }
            case 0x33 -> { use(Gas.BASE); push(Evm.word(m.caller())); }
            case 0x34 -> { use(Gas.BASE); push(Word.of(m.value().value())); }
            case 0x35 -> { // CALLDATALOAD
                use(Gas.VERYLOW);
                need(1);
                Word off = pop();
                byte[] b = new byte[32];
                if (off.fitsLong() && off.u0 < m.input().length) {
                    System.arraycopy(m.input(), (int) off.u0, b, 0, (int) Math.min(32, m.input().length - off.u0));
                }
                push(Word.fromBytes(b));
            }
            case 0x36 -> { use(Gas.BASE); push(Word.of(m.input().length)); }
            case 0x37 -> copy(m.input()); // CALLDATACOPY
            case 0x38 -> { use(Gas.BASE); push(Word.of(code.length)); }
            case 0x39 -> copy(code); // CODECOPY
            case 0x3A -> { use(Gas.BASE); push(Word.of(tx.gasPrice())); }
            case 0x3B -> { need(1); Address a = Evm.address(pop()); use(accessCost(a)); push(Word.of(state.code(a).length)); }
            case 0x3C -> { // EXTCODECOPY
                need(4);
                Address a = Evm.address(pop());
                Word dst = pop(), src = pop(), len = pop();
                use(accessCost(a) + Gas.COPY_WORD * Gas.words(len.clampedLong()));
                int d = mem(dst, len);
                memory.write(d, state.code(a), src.clampedLong(), (int) len.clampedLong());
            }
            case 0x3D -> { use(Gas.BASE); push(Word.of(returnData.length)); }
            case 0x3E -> { // RETURNDATACOPY
                need(3);
                Word dst = pop(), src = pop(), len = pop();
                use(Gas.VERYLOW + Gas.COPY_WORD * Gas.words(len.clampedLong()));
                if (!src.fitsLong() || !len.fitsLong() || src.u0 > returnData.length || len.u0 > returnData.length - src.u0) {
                    throw new Evm.Halt("return data read out of bounds");
                }
                int d = mem(dst, len);
                memory.write(d, returnData, src.u0, (int) len.u0);
            }
            case 0x3F -> { // EXTCODEHASH
                need(1);
                Address a = Evm.address(pop());
                use(accessCost(a));
                push(evm.isAlive(a) ? Word.fromBytes(state.account(a).codeHash().raw()) : Word.ZERO);
            }
            case 0x40 -> { // BLOCKHASH
                use(Gas.BLOCKHASH);
                need(1);
                Word n = pop();
                boolean inRange = n.fitsLong() && n.u0 < block.number() && n.u0 >= Math.max(0, block.number() - 256);
                push(inRange ? Word.fromBytes(block.blockHash().apply(n.u0).raw()) : Word.ZERO);
            }
            case 0x41 -> { use(Gas.BASE); push(Evm.word(block.coinbase())); }
            case 0x42 -> { use(Gas.BASE); push(Word.of(block.timestamp())); }
            case 0x43 -> { use(Gas.BASE); push(Word.of(block.number())); }
            case 0x44 -> { use(Gas.BASE); push(Word.fromBytes(block.prevRandao().raw())); }
            case 0x45 -> { use(Gas.BASE); push(Word.of(block.gasLimit())); }
            case 0x46 -> { use(Gas.BASE); push(Word.of(block.chainId())); }
            case 0x47 -> { use(Gas.LOW); push(Word.of(state.balance(m.target()).value())); }
            case 0x48 -> { use(Gas.BASE); push(Word.of(block.baseFee())); }
            case 0x49 -> { // BLOBHASH
                use(Gas.VERYLOW);
                need(1);
                Word i = pop();
                push(i.fitsLong() && i.u0 < tx.blobHashes().size() ? Word.fromBytes(tx.blobHashes().get((int) i.u0).raw()) : Word.ZERO);
            }
            case 0x4A -> { use(Gas.BASE); push(Word.of(block.blobBaseFee())); }
            case 0x50 -> { use(Gas.BASE); pop(); }
            case 0x51 -> { use(Gas.VERYLOW); need(1); int o = mem(pop(), 32); push(memory.load(o)); }
            case 0x52 -> { use(Gas.VERYLOW); need(2); Word off = pop(), v = pop(); memory.store(mem(off, 32), v); }
            case 0x53 -> { use(Gas.VERYLOW); need(2); Word off = pop(), v = pop(); memory.store8(mem(off, 1), (byte) v.u0); }
            case 0x54 -> { // SLOAD
                need(1);
                Word key = pop();
                use(journal.warm(m.target(), key) ? Gas.COLD_SLOAD : Gas.WARM_ACCESS);
                push(journal.storage(m.target(), key));
            }
            case 0x55 -> sstore();
            case 0x56 -> { // JUMP
                use(Gas.MID);
                need(1);
                jump(pop());
                return null;
            }
            case 0x57 -> { // JUMPI
                use(Gas.HIGH);
                need(2);
                Word dest = pop(), cond = pop();
                if (!cond.isZero()) {
                    jump(dest);
                    return null;
                }
            }
            case 0x58 -> { use(Gas.BASE); push(Word.of(pc)); }
            case 0x59 -> { use(Gas.BASE); push(Word.of(memory.size())); }
            case 0x5A -> { use(Gas.BASE); push(Word.of(gas)); }
            case 0x5B -> use(Gas.JUMPDEST);
            case 0x5C -> { use(Gas.WARM_ACCESS); need(1); push(journal.transientStorage(m.target(), pop())); } // TLOAD
            case 0x5D -> { // TSTORE
                use(Gas.WARM_ACCESS);
                need(2);
                staticCheck();
                Word key = pop(), v = pop();
                journal.setTransientStorage(m.target(), key, v);
            }
            case 0x5E -> { // MCOPY
                need(3);
                Word dst = pop(), src = pop(), len = pop();
                use(Gas.VERYLOW + Gas.COPY_WORD * Gas.words(len.clampedLong()));
                Word end = dst.compareTo(src) > 0 ? dst : src;
                mem(end, len);
                if (!len.isZero()) memory.copyWithin((int) dst.u0, (int) src.u0, (int) len.u0);
            }
            case 0x5F -> { use(Gas.BASE); push(Word.ZERO); }
            case 0xA0, 0xA1, 0xA2, 0xA3, 0xA4 -> log(op - 0xA0);
            case 0xF0 -> create(false);
            case 0xF1, 0xF2, 0xF4, 0xFA -> callOp(op);
            case 0xF3 -> { // RETURN
                need(2);
                Word off = pop(), len = pop();
                int o = mem(off, len);
                return new Evm.Result(true, gas, memory.read(o, (int) len.clampedLong()), false, null);
            }
            case 0xF5 -> create(true);
            case 0xFD -> { // REVERT
                need(2);
                Word off = pop(), len = pop();
                int o = mem(off, len);
                return new Evm.Result(false, gas, memory.read(o, (int) len.clampedLong()), true, "reverted");
            }
            case 0xFF -> {
                selfDestruct();
                return new Evm.Result(true, gas, new byte[0], false, null);
            }
            default -> throw new Evm.Halt(String.format("invalid opcode 0x%02x", op));
        }
        pc++;
        return null;
    }

    private void jump(Word dest) {
        if (!dest.fitsLong() || dest.u0 >= code.length || !jumpdests.get((int) dest.u0)) throw new Evm.Halt("jump to a non-JUMPDEST");
        pc = (int) dest.u0;
    }

    /** CALLDATACOPY and CODECOPY: memory[dst..] = src[from..], zero-padded. */
    private void copy(byte[] src) {
        need(3);
        Word dst = pop(), from = pop(), len = pop();
        use(Gas.VERYLOW + Gas.COPY_WORD * Gas.words(len.clampedLong()));
        int d = mem(dst, len);
        memory.write(d, src, from.clampedLong(), (int) len.clampedLong());
    }

    private void log(int topics) {
        need(2 + topics);
        Word off = pop(), len = pop();
        List<Hash> t = new ArrayList<>(topics);
        for (int i = 0; i < topics; i++) t.add(Hash.wrap(pop().toBytes()));
        use(Gas.LOG + Gas.LOG_TOPIC * topics + Gas.LOG_DATA * len.clampedLong());
        int o = mem(off, len);
        staticCheck();
        journal.log(new Log(m.target(), t, memory.read(o, (int) len.clampedLong())));
    }

    /** SSTORE under EIP-2200, 2929 and 3529: the cost and refund depend on the slot's value at the transaction's start. */
    private void sstore() {
        need(2);
        Word key = pop(), value = pop();
        if (gas <= Gas.SSTORE_STIPEND) throw new Evm.Halt("out of gas (SSTORE needs more than 2,300 left)");
        Address a = m.target();
        Word original = journal.originalStorage(a, key);
        Word current = journal.storage(a, key);
        long cost = journal.warm(a, key) ? Gas.COLD_SLOAD : 0;
        if (original.equals(current) && !current.equals(value)) cost += original.isZero() ? Gas.SSTORE_SET : Gas.SSTORE_RESET;
        else cost += Gas.WARM_ACCESS;
        if (!current.equals(value)) {
            if (!original.isZero() && !current.isZero() && value.isZero()) journal.addRefund(Gas.SSTORE_CLEARS_REFUND);
            if (!original.isZero() && current.isZero()) journal.addRefund(-Gas.SSTORE_CLEARS_REFUND);
            if (original.equals(value)) {
                journal.addRefund(original.isZero() ? Gas.SSTORE_SET - Gas.WARM_ACCESS : Gas.SSTORE_RESET - Gas.WARM_ACCESS);
            }
        }
        use(cost);
        staticCheck();
        journal.setStorage(a, key, value);
    }

    private void selfDestruct() {
        need(1);
        Address beneficiary = Evm.address(pop());
        long cost = Gas.SELFDESTRUCT;
        if (journal.warm(beneficiary)) cost += Gas.COLD_ACCOUNT;
        Address self = m.target();
        Wei balance = state.balance(self);
        if (!evm.isAlive(beneficiary) && !balance.isZero()) cost += Gas.NEW_ACCOUNT;
        use(cost);
        staticCheck();
        evm.moveEther(self, beneficiary, balance);
        if (journal.isCreated(self)) { // EIP-6780: only an account created in this transaction goes
            state.setBalance(self, Wei.ZERO);
            journal.selfDestruct(self);
        }
    }

    private void create(boolean salted) {
        need(salted ? 4 : 3);
        Word value = pop(), off = pop(), len = pop();
        Word salt = salted ? pop() : null;
        long words = Gas.words(len.clampedLong());
        use(Gas.CREATE + Gas.INITCODE_WORD * words + (salted ? Gas.KECCAK_WORD * words : 0));
        int o = mem(off, len);
        if (len.clampedLong() > Gas.MAX_INITCODE_SIZE) throw new Evm.Halt("initcode larger than 49,152 bytes (EIP-3860)");
        byte[] initcode = memory.read(o, (int) len.clampedLong());
        Address self = m.target();
        Address target = salted ? Evm.create2Address(self, salt, initcode) : Evm.createAddress(self, state.nonce(self));
        long childGas = Gas.allButOne64th(gas);
        gas -= childGas;
        staticCheck();
        returnData = new byte[0];
        Wei endowment = Wei.of(value.toBigInteger());
        if (state.balance(self).compareTo(endowment) < 0 || state.nonce(self) == -1L || m.depth() + 1 > Evm.MAX_DEPTH) {
            gas += childGas;
            push(Word.ZERO);
            return;
        }
        journal.warm(target);
        Account existing = state.account(target);
        if (existing.nonce() != 0 || existing.hasCode() || !existing.storageRoot().equals(dev.rollupstudio.chain.trie.MerklePatriciaTrie.EMPTY_ROOT)) {
            state.setNonce(self, state.nonce(self) + 1);
            push(Word.ZERO); // an address collision: the gas passed on is lost
            return;
        }
        state.setNonce(self, state.nonce(self) + 1);
        evm.nextOp(salted ? 0xF5 : 0xF0);
        Evm.Result r = evm.create(new Evm.Message(self, target, target, endowment, new byte[0], initcode, childGas, m.depth() + 1, false, true));
        gas += r.gasLeft();
        if (r.success()) {
            push(Evm.word(target));
        } else {
            returnData = r.output();
            push(Word.ZERO);
        }
    }

    /** CALL, CALLCODE, DELEGATECALL and STATICCALL (generic_call with each one's cost rules). */
    private void callOp(int op) {
        boolean hasValue = op == 0xF1 || op == 0xF2;
        need(hasValue ? 7 : 6);
        Word gasWord = pop();
        Address to = Evm.address(pop());
        Word value = hasValue ? pop() : Word.ZERO;
        Word inOff = pop(), inLen = pop(), outOff = pop(), outLen = pop();
        // memory for both ranges first (calculate_gas_extend_memory), charged with the call's cost
        long memBefore = gas;
        mem(inOff, inLen);
        mem(outOff, outLen);
        long memCost = memBefore - gas;
        gas = memBefore;
        long extra = accessCost(to);
        if (!value.isZero()) {
            extra += Gas.CALL_VALUE;
            if (op == 0xF1 && !evm.isAlive(to)) extra += Gas.NEW_ACCOUNT;
        }
        long stipend = value.isZero() ? 0 : Gas.CALL_STIPEND;
        long requested = gasWord.clampedLong();
        long callGas;
        if (gas < extra + memCost) {
            callGas = requested;
        } else {
            callGas = Math.min(requested, Gas.allButOne64th(gas - memCost - extra));
        }
        use(memCost);
        use(callGas > Long.MAX_VALUE - extra ? Long.MAX_VALUE : callGas + extra);
        if (op == 0xF1 && m.isStatic() && !value.isZero()) throw new Evm.Halt("value transfer in a static call");
        long subGas = callGas + stipend;
        returnData = new byte[0];
        Wei v = value.isZero() ? Wei.ZERO : Wei.of(value.toBigInteger());
        if (hasValue && state.balance(m.target()).compareTo(v) < 0) {
            gas += subGas;
            push(Word.ZERO);
            return;
        }
        if (m.depth() + 1 > Evm.MAX_DEPTH) {
            gas += subGas;
            push(Word.ZERO);
            return;
        }
        byte[] input = memory.read(inLen.isZero() ? 0 : (int) inOff.u0, (int) inLen.clampedLong());
        Evm.Message child = switch (op) {
            case 0xF1 -> new Evm.Message(m.target(), to, to, v, input, state.code(to), subGas, m.depth() + 1, m.isStatic(), true);
            case 0xF2 -> new Evm.Message(m.target(), m.target(), to, v, input, state.code(to), subGas, m.depth() + 1, m.isStatic(), true);
            case 0xF4 -> new Evm.Message(m.caller(), m.target(), to, m.value(), input, state.code(to), subGas, m.depth() + 1, m.isStatic(), false);
            default -> new Evm.Message(m.target(), to, to, Wei.ZERO, input, state.code(to), subGas, m.depth() + 1, true, true);
        };
        evm.nextOp(op);
        Evm.Result r = evm.call(child);
        gas += r.gasLeft();
        returnData = r.output();
        push(r.success() ? Word.ONE : Word.ZERO);
        int n = (int) Math.min(outLen.clampedLong(), r.output().length);
        if (n > 0) memory.write((int) outOff.u0, r.output(), 0, n);
    }
}
