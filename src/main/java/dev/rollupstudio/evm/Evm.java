package dev.rollupstudio.evm;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.state.Account;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Wei;
import java.util.Arrays;

/**
 * The Cancun EVM: message calls and contract creation over a {@link Journal}, and the
 * interpreter ({@link Frame}) that runs a frame's code. It follows the execution-specs' structure
 * (process_message, process_create_message, generic_call, generic_create) so each rule can be
 * checked against it. Calls nest by recursion: run it on a thread with a deep stack
 * ({@link #STACK_BYTES}) so that 1,024 nested calls fit.
 */
public final class Evm {
    public static final int MAX_DEPTH = 1024;
    /** Thread stack enough for 1,024 nested frames of the interpreter. */
    public static final long STACK_BYTES = 256L << 20;

    final Journal journal;
    final MutableWorldState state;
    final BlockEnv block;
    final TxEnv tx;
    private final java.util.Map<Address, NativeContract> natives;
    private static final ThreadLocal<CallTracer> TRACER = new ThreadLocal<>();
    /** Null unless an RPC trace runs on this thread: the hot path pays one null check per message. */
    private final CallTracer tracer = TRACER.get();
    private int nextOp;
    private boolean creating;

    public Evm(Journal journal, BlockEnv block, TxEnv tx) {
        this(journal, block, tx, java.util.Map.of());
    }

    /** An EVM on a chain whose {@code natives} run in Java at their addresses. */
    public Evm(Journal journal, BlockEnv block, TxEnv tx, java.util.Map<Address, NativeContract> natives) {
        this.journal = journal;
        this.state = journal.state();
        this.block = block;
        this.tx = tx;
        this.natives = natives;
    }

    /** The journal: what a native contract reads and writes through (storage, logs). */
    public Journal journal() {
        return journal;
    }

    /** The transaction's origin (ORIGIN). */
    public Address origin() {
        return tx.origin();
    }

    public BlockEnv block() {
        return block;
    }

    /** What a message left: success or not, gas left, output (return or revert data), and whether it reverted rather than halted. */
    public record Result(boolean success, long gasLeft, byte[] output, boolean reverted, String error) {
        public static Result halt(String why) {
            return new Result(false, 0, new byte[0], false, why);
        }
    }

    /** A message: who calls, whose storage and balance it runs on, whose code, with what value, input and gas. */
    public record Message(Address caller, Address target, Address codeAddress, Wei value, byte[] input, byte[] code, long gas, int depth,
                          boolean isStatic, boolean transfersValue) {}

    // --- messages ------------------------------------------------------------------------------------

    /** process_message: moves the value and runs the code (or the precompile) inside a checkpoint. */
    public Result call(Message m) {
        int op = nextOp;
        nextOp = 0;
        boolean traced = tracer != null && !creating;
        creating = false;
        if (traced) {
            String type = switch (op) {
                case 0xF2 -> "CALLCODE";
                case 0xF4 -> "DELEGATECALL";
                case 0xFA -> "STATICCALL";
                default -> "CALL";
            };
            tracer.enter(type, op == 0xF4 ? m.target() : m.caller(), m.codeAddress(), m.value(), m.gas(), m.input());
        }
        journal.checkpoint();
        if (m.transfersValue() && !m.value().isZero()) moveEther(m.caller(), m.target(), m.value());
        Result r = execute(m);
        if (r.success()) journal.commit(); else journal.revert();
        if (traced) tracer.exit(m.gas() - r.gasLeft(), r.output(), r.error());
        return r;
    }

    /** Frame says which opcode makes the next message, for the tracer (0: a transaction's own). */
    void nextOp(int op) {
        nextOp = op;
    }

    /** Runs {@code work} with {@code t} told of every message of the EVMs made on this thread meanwhile. */
    public static <T> T traced(CallTracer t, java.util.function.Supplier<T> work) {
        TRACER.set(t);
        try {
            return work.get();
        } finally {
            TRACER.remove();
        }
    }

    /** process_create_message: a new account at {@code m.target()} running the initcode; its output becomes the code. */
    public Result create(Message m) {
        boolean traced = tracer != null;
        if (traced) tracer.enter(nextOp == 0xF5 ? "CREATE2" : "CREATE", m.caller(), m.target(), m.value(), m.gas(), m.code());
        nextOp = 0;
        Result r = createUntraced(m);
        if (traced) tracer.exit(m.gas() - r.gasLeft(), r.success() ? state.code(m.target()) : r.output(), r.error());
        return r;
    }

    private Result createUntraced(Message m) {
        journal.checkpoint();
        state.clearStorage(m.target());
        journal.created(m.target());
        state.setNonce(m.target(), state.nonce(m.target()) + 1);
        creating = true; // the initcode's message is the create's own, not a call of its own
        Result r = call(m);
        if (!r.success()) {
            journal.revert();
            return r;
        }
        byte[] code = r.output();
        long deposit = code.length * Gas.CODE_DEPOSIT;
        if (code.length > 0 && (code[0] & 0xFF) == 0xEF) {
            journal.revert();
            return Result.halt("code starting with 0xEF (EIP-3541)");
        }
        if (r.gasLeft() < deposit || code.length > Gas.MAX_CODE_SIZE) {
            journal.revert();
            return Result.halt(code.length > Gas.MAX_CODE_SIZE ? "code larger than 24,576 bytes (EIP-170)" : "out of gas for the code deposit");
        }
        state.setCode(m.target(), code);
        journal.commit();
        return new Result(true, r.gasLeft() - deposit, new byte[0], false, null);
    }

    private Result execute(Message m) {
        NativeContract n = natives.isEmpty() ? null : natives.get(m.codeAddress());
        if (n != null) return n.run(this, m);
        Precompiles.Contract p = Precompiles.get(m.codeAddress());
        if (p != null) return p.run(m.input(), m.gas());
        if (m.code().length == 0) return new Result(true, m.gas(), new byte[0], false, null);
        return new Frame(this, m).run();
    }

    /** move_ether: an account left empty by the move is deleted (modify_state). */
    void moveEther(Address from, Address to, Wei amount) {
        state.setBalance(from, state.balance(from).subtract(amount));
        removeIfDead(from);
        state.setBalance(to, state.balance(to).add(amount));
        removeIfDead(to);
    }

    /** An account that exists with no nonce, balance or code is deleted whenever it is modified (EIP-161). */
    void removeIfDead(Address a) {
        Account acc = state.account(a);
        if (acc != Account.EMPTY && acc.nonce() == 0 && acc.balance().isZero() && !acc.hasCode()) state.delete(a);
    }

    /** Alive: exists and is not empty (has a nonce, balance or code). */
    boolean isAlive(Address a) {
        return !state.account(a).isEmpty();
    }

    /** The address CREATE gives: keccak(rlp([sender, nonce]))[12:]. */
    public static Address createAddress(Address sender, long nonce) {
        byte[] h = Keccak.digest(Rlp.encodeList(Rlp.encodeBytes(sender.raw()), Rlp.encodeUint64(nonce)));
        return Address.of(Arrays.copyOfRange(h, 12, 32));
    }

    static Address create2Address(Address sender, Word salt, byte[] initcode) {
        byte[] buf = new byte[1 + 20 + 32 + 32];
        buf[0] = (byte) 0xFF;
        System.arraycopy(sender.raw(), 0, buf, 1, 20);
        salt.into(buf, 21);
        System.arraycopy(Keccak.digest(initcode), 0, buf, 53, 32);
        return Address.of(Arrays.copyOfRange(Keccak.digest(buf), 12, 32));
    }

    static Address address(Word w) {
        return Address.of(w.addressBytes());
    }

    static Word word(Address a) {
        return Word.fromBytes(a.raw());
    }

    /** An exceptional halt: all the frame's gas is lost. Thrown without a stack trace, it is control flow. */
    static final class Halt extends RuntimeException {
        Halt(String why) {
            super(why, null, false, false);
        }
    }
}
