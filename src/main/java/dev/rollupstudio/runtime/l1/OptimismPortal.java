package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.Log;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.evm.Evm;
import dev.rollupstudio.evm.NativeContract;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A rollup's bridge on L1, native behind OP Stack's {@code OptimismPortal} ABI.
 *
 * <p>Deposits: {@code depositTransaction(address,uint256,uint64,bool,bytes)} (payable) and plain
 * ETH sent to it (a deposit to the sender) emit OP's {@code TransactionDeposited} event, from
 * whose logs the rollup derives its deposit transactions, as op-node does. The ETH stays in the
 * portal's balance: what the bridge holds for the rollup. A deposit from a contract (the standard
 * bridge) comes from its aliased address on L2, and its data is a call run there.
 *
 * <p>Withdrawals: {@code proveWithdrawalTransaction} checks the output root proof against the
 * oracle's output and the Merkle proof of {@code sentMessages[hash]} in the L2 message passer's
 * storage, and records the proof ({@code provenWithdrawals}); {@code finalizeWithdrawalTransaction}
 * once the rollup's challenge window (or proving time) has passed since the proof marks it
 * finalized ({@code finalizedWithdrawals}) and calls the target with the value and data, with
 * {@code l2Sender()} answering the L2 account that started it meanwhile (so the L1 standard bridge
 * knows the message is its twin's). A failed call leaves the withdrawal finalized, as OP's does.
 *
 * <p>A rollup whose native coin is an ERC-20 on L1 (OP's custom gas token; here ALT) refuses ETH:
 * {@code depositERC20Transaction} pulls the token into the portal and mints that much on L2, and
 * a withdrawal's value is paid out of the portal in the token.
 *
 * <p>Simplifications, each refused with a reason: no contract creation by deposit, and a deposit
 * mints what it sends ({@code _value == msg.value}); each call costs a flat amount of gas (OP's
 * resource metering is not modelled).
 */
public final class OptimismPortal implements NativeContract {
    static final Hash TRANSACTION_DEPOSITED = Keccak.hash("TransactionDeposited(address,address,uint256,bytes)".getBytes(StandardCharsets.US_ASCII));
    static final byte[] DEPOSIT = Abi.selector("depositTransaction(address,uint256,uint64,bool,bytes)");
    static final byte[] L2_ORACLE = Abi.selector("l2Oracle()");
    static final long GAS = 30_000;
    static final long PROVE_GAS = 150_000;
    static final long FINALIZE_GAS = 60_000;
    static final Hash WITHDRAWAL_PROVEN = Keccak.hash("WithdrawalProven(bytes32,address,address)".getBytes(StandardCharsets.US_ASCII));
    static final Hash WITHDRAWAL_FINALIZED = Keccak.hash("WithdrawalFinalized(bytes32,bool)".getBytes(StandardCharsets.US_ASCII));
    private static final byte[] PROVEN = Abi.selector("provenWithdrawals(bytes32)");
    private static final byte[] FINALIZED = Abi.selector("finalizedWithdrawals(bytes32)");
    private static final byte[] L2_SENDER = Abi.selector("l2Sender()");
    /** l2Sender at slot 0 (as in OP's first portal); zero reads as OP's DEFAULT_L2_SENDER. */
    private static final Hash L2_SENDER_SLOT = Hash.ZERO;
    static final Address DEFAULT_L2_SENDER = Address.fromHex("0x000000000000000000000000000000000000dEaD");
    /** OP's limit on a deposit's data. */
    static final int MAX_DEPOSIT_DATA = 120_000;
    /** Gas kept back for the portal's own work after a withdrawal's call (OP keeps a similar buffer). */
    static final long FINALIZE_BUFFER = 20_000;
    /** OP's AddressAliasHelper offset: a contract's deposits come from its address plus this on L2. */
    static final BigInteger ALIAS_OFFSET = new BigInteger("1111000000000000000000000000000000001111", 16);

    static final byte[] DEPOSIT_ERC20 = Abi.selector("depositERC20Transaction(address,uint256,uint256,uint64,bool,bytes)");
    private static final byte[] GAS_PAYING_TOKEN = Abi.selector("gasPayingToken()");
    /** Gas the portal gives a call to the gas token (transferFrom or transfer). */
    private static final long TOKEN_CALL_GAS = 100_000;

    private final long chainId;
    private final long challengeWindowSeconds;
    /** The ERC-20 the rollup's native coin is (OP's custom gas token), or null for ETH. */
    private final Address gasToken;

    OptimismPortal(long chainId, long challengeWindowSeconds, Address gasToken) {
        this.chainId = chainId;
        this.challengeWindowSeconds = challengeWindowSeconds;
        this.gasToken = gasToken;
    }

    /** The ERC-20 the rollup's native coin is, or null for ETH. */
    Address gasToken() {
        return gasToken;
    }

    @Override public Evm.Result run(Evm evm, Evm.Message m) {
        byte[] in = m.input();
        if (Abi.startsWith(in, WithdrawalCalls.PROVE)) return prove(evm, m);
        if (Abi.startsWith(in, WithdrawalCalls.FINALIZE)) return finalizeWithdrawal(evm, m);
        if (m.gas() < GAS) return Evm.Result.halt("out of gas");
        long left = m.gas() - GAS;
        if (Abi.startsWith(in, L2_ORACLE)) return SystemContracts.ok(left, Abi.encode(SystemContracts.outputOracle(chainId)));
        if (Abi.startsWith(in, PROVEN)) {
            Hash h = Hash.of(Abi.wordAt(Abi.args(in), 0));
            BigInteger packed = read(evm, m.target(), provenSlot(h, 1)); // (outputRoot, uint128 timestamp, uint128 l2OutputIndex), as OP's getter answers
            return SystemContracts.ok(left, Bytes.concat(Abi.word(read(evm, m.target(), provenSlot(h, 0))), Abi.word(packed.and(LOW_128)), Abi.word(packed.shiftRight(128))));
        }
        if (Abi.startsWith(in, L2_SENDER)) {
            BigInteger sender = read(evm, m.target(), L2_SENDER_SLOT);
            return SystemContracts.ok(left, Abi.encode(sender.signum() == 0 ? DEFAULT_L2_SENDER : Address.of(Arrays.copyOfRange(Abi.word(sender), 12, 32))));
        }
        if (Abi.startsWith(in, FINALIZED)) return SystemContracts.ok(left, Abi.word(read(evm, m.target(), finalizedSlot(Hash.of(Abi.wordAt(Abi.args(in), 0))))));
        if (Abi.startsWith(in, GAS_PAYING_TOKEN)) {
            return SystemContracts.ok(left, Abi.encode(gasToken == null ? ETHER : gasToken, BigInteger.valueOf(18)));
        }
        Address to;
        BigInteger mint = m.value().value(), value, gasLimit;
        byte[] data = new byte[0];
        boolean erc20 = Abi.startsWith(in, DEPOSIT_ERC20);
        if (gasToken != null && mint.signum() > 0) {
            return SystemContracts.revert(left, "OptimismPortal: rollup " + chainId + " pays its fees in its own token (" + gasToken
                    + "), not ETH: approve the portal and call depositERC20Transaction");
        }
        if (in.length == 0) { // receive(): a deposit of msg.value to the sender
            to = m.caller();
            value = mint;
            gasLimit = BigInteger.valueOf(100_000);
        } else if (Abi.startsWith(in, DEPOSIT) || erc20) {
            int k = erc20 ? 1 : 0; // depositERC20Transaction has _mint after _to
            byte[] args = Abi.args(in);
            data = Abi.bytes(args, 4 + k);
            if (args.length < 160 + 32 * k || data == null) return SystemContracts.revert(left, "OptimismPortal: malformed deposit arguments");
            to = Abi.address(args, 0);
            if (erc20) mint = Abi.uint(args, 1);
            value = Abi.uint(args, 1 + k);
            gasLimit = Abi.uint(args, 2 + k);
            if (erc20 && gasToken == null) return SystemContracts.revert(left, "OptimismPortal: rollup " + chainId + " pays its fees in ETH: deposit with depositTransaction");
            if (Abi.uint(args, 3 + k).signum() != 0) return SystemContracts.revert(left, "OptimismPortal: this devnet's portal does not create contracts by deposit (_isCreation must be false)");
            if (!value.equals(mint)) return SystemContracts.revert(left, "OptimismPortal: _value must equal what is minted (" + (erc20 ? "_mint" : "msg.value") + "), sent to _to on L2");
            if (data.length > MAX_DEPOSIT_DATA) return SystemContracts.revert(left, "OptimismPortal: data too large");
            if (gasLimit.compareTo(BigInteger.valueOf(21_000L + 16L * data.length)) < 0 || gasLimit.bitLength() > 64) return SystemContracts.revert(left, "OptimismPortal: gas limit too small");
        } else {
            return SystemContracts.revert(left, "OptimismPortal: unknown function " + Bytes.toHex(Arrays.copyOf(in, Math.min(4, in.length))));
        }
        if (read(evm, m.target(), CLOSED_SLOT).signum() != 0) {
            return SystemContracts.revert(left, "OptimismPortal: rollup " + chainId + " is ending (an ephemeral rollup draining or settled) and takes no deposits;"
                    + " its balances are paid out on L1 when it settles");
        }
        if (m.isStatic()) return Evm.Result.halt("a deposit in a static call");
        if (to.equals(Address.ZERO)) return SystemContracts.revert(left, "OptimismPortal: _to is the zero address");
        if (erc20 && mint.signum() > 0) { // lock the gas token in the portal
            Evm.Result pulled = callToken(evm, m, Abi.call("transferFrom(address,address,uint256)", m.caller(), m.target(), mint), left);
            left -= Math.min(left, TOKEN_CALL_GAS) - pulled.gasLeft();
            if (!pulled.success()) return SystemContracts.revert(left, "OptimismPortal: the gas token's transferFrom failed: approve the portal for " + mint + " first");
        }
        Address from = m.caller().equals(evm.origin()) ? m.caller() : alias(m.caller());
        byte[] opaque = Bytes.concat(Abi.word(mint), Abi.word(value), Arrays.copyOfRange(Abi.word(gasLimit), 24, 32), new byte[] {0}, data);
        evm.journal().log(new Log(m.target(), List.of(TRANSACTION_DEPOSITED, topic(from), topic(to), Hash.ZERO), Abi.encodeBytes(opaque)));
        return SystemContracts.ok(left, new byte[0]);
    }

    /** OP's Constants.ETHER: what gasPayingToken() answers when ETH pays the fees. */
    private static final Address ETHER = Address.fromHex("0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE");

    /** Calls the gas token from the portal, with at most {@link #TOKEN_CALL_GAS}; a call that returns false counts as failed. */
    private Evm.Result callToken(Evm evm, Evm.Message m, byte[] call, long left) {
        long gas = Math.min(left, TOKEN_CALL_GAS);
        evm.journal().warm(gasToken);
        Evm.Result r = evm.call(new Evm.Message(m.target(), gasToken, gasToken, dev.rollupstudio.types.Wei.ZERO, call,
                evm.journal().state().code(gasToken), gas, m.depth() + 1, false, true));
        boolean returnedFalse = r.success() && r.output().length >= 32 && Abi.uint(r.output(), 0).signum() == 0;
        if (r.success() && evm.journal().state().code(gasToken).length == 0) return new Evm.Result(false, r.gasLeft(), new byte[0], true, "the gas token has no code");
        return returnedFalse ? new Evm.Result(false, r.gasLeft(), r.output(), true, "returned false") : r;
    }

    private Evm.Result prove(Evm evm, Evm.Message m) {
        if (m.gas() < PROVE_GAS) return Evm.Result.halt("out of gas");
        long left = m.gas() - PROVE_GAS;
        if (m.isStatic()) return Evm.Result.halt("a proof in a static call");
        WithdrawalCalls.Prove p = WithdrawalCalls.decodeProve(Abi.args(m.input()));
        if (p == null) return SystemContracts.revert(left, "OptimismPortal: malformed proveWithdrawalTransaction arguments");
        Hash hash = p.withdrawal().hash();
        if (p.withdrawal().target().equals(m.target())) return SystemContracts.revert(left, "OptimismPortal: you cannot send messages to the portal contract");
        Address oracle = SystemContracts.outputOracle(chainId);
        Hash outputRoot = L2OutputOracle.outputRoot(evm.journal().state(), oracle, p.outputIndex());
        if (outputRoot == null) return SystemContracts.revert(left, "L2OutputOracle: no output at index " + p.outputIndex());
        WithdrawalCalls.OutputRootProof orp = p.outputRootProof();
        if (!OutputRoot.of(orp.stateRoot(), orp.messagePasserStorageRoot(), orp.blockHash()).equals(outputRoot)) {
            return SystemContracts.revert(left, "OptimismPortal: invalid output root proof");
        }
        // proven once already: again only if the output it was proven against is gone (a dispute deleted it), as OP allows
        if (read(evm, m.target(), provenSlot(hash, 1)).signum() != 0 && stillStands(evm, m.target(), hash)) {
            return SystemContracts.revert(left, "OptimismPortal: withdrawal hash has already been proven");
        }
        byte[] value = dev.rollupstudio.chain.trie.TrieProof.verify(orp.messagePasserStorageRoot(),
                Keccak.digest(WithdrawalMessage.sentSlot(hash).raw()), p.proof());
        if (value == null || !dev.rollupstudio.chain.rlp.Rlp.decode(value).bigInt().equals(BigInteger.ONE)) {
            return SystemContracts.revert(left, "OptimismPortal: invalid withdrawal inclusion proof");
        }
        write(evm, m.target(), provenSlot(hash, 0), new BigInteger(1, outputRoot.raw()));
        write(evm, m.target(), provenSlot(hash, 1), p.outputIndex().shiftLeft(128).or(BigInteger.valueOf(evm.block().timestamp())));
        evm.journal().log(new Log(m.target(), List.of(WITHDRAWAL_PROVEN, hash, topic(p.withdrawal().sender()), topic(p.withdrawal().target())), new byte[0]));
        return SystemContracts.ok(left, new byte[0]);
    }

    /** Whether the output a withdrawal was proven against is still the oracle's output at that index. */
    private boolean stillStands(Evm evm, Address portal, Hash withdrawal) {
        BigInteger provenRoot = read(evm, portal, provenSlot(withdrawal, 0));
        BigInteger index = read(evm, portal, provenSlot(withdrawal, 1)).shiftRight(128);
        Hash now = L2OutputOracle.outputRoot(evm.journal().state(), SystemContracts.outputOracle(chainId), index);
        return now != null && new BigInteger(1, now.raw()).equals(provenRoot);
    }

    private Evm.Result finalizeWithdrawal(Evm evm, Evm.Message m) {
        if (m.gas() < FINALIZE_GAS) return Evm.Result.halt("out of gas");
        long left = m.gas() - FINALIZE_GAS;
        if (m.isStatic()) return Evm.Result.halt("a withdrawal in a static call");
        WithdrawalMessage w = WithdrawalCalls.withdrawal(Abi.args(m.input()), 0);
        if (w == null) return SystemContracts.revert(left, "OptimismPortal: malformed finalizeWithdrawalTransaction arguments");
        if (w.target().equals(m.target())) return SystemContracts.revert(left, "OptimismPortal: you cannot send messages to the portal contract");
        Hash hash = w.hash();
        BigInteger provenAt = read(evm, m.target(), provenSlot(hash, 1)).and(LOW_128);
        if (provenAt.signum() == 0) return SystemContracts.revert(left, "OptimismPortal: withdrawal has not been proven yet");
        if (BigInteger.valueOf(evm.block().timestamp()).compareTo(provenAt.add(BigInteger.valueOf(challengeWindowSeconds))) < 0) {
            return SystemContracts.revert(left, "OptimismPortal: proven withdrawal finalization period has not elapsed");
        }
        if (read(evm, m.target(), finalizedSlot(hash)).signum() != 0) return SystemContracts.revert(left, "OptimismPortal: withdrawal has already been finalized");
        if (!stillStands(evm, m.target(), hash)) {
            return SystemContracts.revert(left, "OptimismPortal: the output this withdrawal was proven against was deleted by a dispute;"
                    + " prove it again against the output proposed since");
        }
        Address oracle = SystemContracts.outputOracle(chainId);
        BigInteger index = read(evm, m.target(), provenSlot(hash, 1)).shiftRight(128);
        if (L2OutputOracle.proofsRequired(evm.journal().state(), oracle)
                && index.compareTo(BigInteger.valueOf(L2OutputOracle.verifiedCount(evm.journal().state(), oracle))) >= 0) {
            return SystemContracts.revert(left, "OptimismPortal: output " + index + ", which this withdrawal was proven against, has no verified validity proof yet");
        }
        var state = evm.journal().state();
        Wei value = Wei.of(w.value());
        if (gasToken == null && state.balance(m.target()).compareTo(value) < 0) return SystemContracts.revert(left, "OptimismPortal: the portal holds less than the withdrawal");
        if (w.gasLimit().bitLength() > 62 || left < w.gasLimit().longValue() + FINALIZE_BUFFER) {
            return SystemContracts.revert(left, "OptimismPortal: insufficient gas to finalize withdrawal (give the transaction at least "
                    + w.gasLimit().add(BigInteger.valueOf(FINALIZE_GAS + FINALIZE_BUFFER + 50_000)) + ")");
        }
        write(evm, m.target(), finalizedSlot(hash), BigInteger.ONE);
        if (gasToken != null && !value.isZero()) { // the native coin is the token: pay it out of the portal, then call without value
            Evm.Result paid = callToken(evm, m, Abi.call("transfer(address,uint256)", w.target(), w.value()), left);
            left -= Math.min(left, TOKEN_CALL_GAS) - paid.gasLeft();
            if (!paid.success()) return SystemContracts.revert(left, "OptimismPortal: the portal holds less of the gas token than the withdrawal");
            value = Wei.ZERO;
        }
        write(evm, m.target(), L2_SENDER_SLOT, new BigInteger(1, w.sender().raw()));
        long gas = Math.min(w.gasLimit().longValue(), Math.max(0, left - FINALIZE_BUFFER));
        evm.journal().warm(w.target());
        Evm.Result call = gasToken != null && w.data().length == 0 ? new Evm.Result(true, gas, new byte[0], false, null)
                : evm.call(new Evm.Message(m.target(), w.target(), w.target(), value, w.data(), state.code(w.target()), gas, m.depth() + 1, false, true));
        write(evm, m.target(), L2_SENDER_SLOT, BigInteger.ZERO);
        left -= gas - call.gasLeft();
        evm.journal().log(new Log(m.target(), List.of(WITHDRAWAL_FINALIZED, hash), Abi.word(call.success() ? BigInteger.ONE : BigInteger.ZERO)));
        return SystemContracts.ok(left, new byte[0]);
    }

    private static final BigInteger LOW_128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    /** provenWithdrawals[hash] (a mapping at slot 1): field 0 the output root, field 1 the timestamp (low 128 bits) and output index. */
    /** Nonzero once the rollup is ending: deposits revert. A slot no OP layout uses. */
    private static final Hash CLOSED_SLOT = Keccak.hash("rollupstudio.portal.closed".getBytes(StandardCharsets.US_ASCII));

    /** Closes {@code chainId}'s portal to deposits (the rollup is ending); withdrawals still prove and finalize. */
    public static void close(dev.rollupstudio.state.MutableWorldState l1, long chainId) {
        l1.setStorage(SystemContracts.portal(chainId), CLOSED_SLOT, BigInteger.ONE);
    }

    public static boolean isClosed(dev.rollupstudio.state.WorldState l1, long chainId) {
        return l1.storage(SystemContracts.portal(chainId), CLOSED_SLOT).signum() != 0;
    }

    static Hash provenSlot(Hash withdrawal, int field) {
        BigInteger base = new BigInteger(1, Keccak.digest(Bytes.concat(withdrawal.raw(), Abi.word(BigInteger.ONE))));
        return Hash.of(Abi.word(base.add(BigInteger.valueOf(field)).mod(BigInteger.ONE.shiftLeft(256))));
    }

    /** finalizedWithdrawals[hash] (a mapping at slot 2). */
    static Hash finalizedSlot(Hash withdrawal) {
        return Keccak.hash(Bytes.concat(withdrawal.raw(), Abi.word(BigInteger.TWO)));
    }

    /** When a withdrawal was proven on L1 (seconds), or null. */
    public static Long provenAt(dev.rollupstudio.state.WorldState l1, long chainId, Hash withdrawal) {
        BigInteger t = l1.storage(SystemContracts.portal(chainId), provenSlot(withdrawal, 1)).and(LOW_128);
        return t.signum() == 0 ? null : t.longValueExact();
    }

    public static boolean finalized(dev.rollupstudio.state.WorldState l1, long chainId, Hash withdrawal) {
        return l1.storage(SystemContracts.portal(chainId), finalizedSlot(withdrawal)).signum() != 0;
    }

    private static BigInteger read(Evm evm, Address self, Hash slot) {
        evm.journal().warm(self, dev.rollupstudio.evm.Word.fromBytes(slot.raw()));
        return evm.journal().storage(self, dev.rollupstudio.evm.Word.fromBytes(slot.raw())).toBigInteger();
    }

    private static void write(Evm evm, Address self, Hash slot, BigInteger v) {
        evm.journal().setStorage(self, dev.rollupstudio.evm.Word.fromBytes(slot.raw()), dev.rollupstudio.evm.Word.of(v));
    }

    /** The deposit a TransactionDeposited log of this portal describes, or null if it is not one. */
    static Deposit deposit(long chainId, Log l, long l1Block, Hash l1BlockHash, int logIndex) {
        if (!l.address().equals(SystemContracts.portal(chainId)) || l.topics().size() != 4 || !l.topics().get(0).equals(TRANSACTION_DEPOSITED)) return null;
        byte[] opaque = Abi.bytes(l.data(), 0);
        if (opaque == null) return null;
        Address from = Address.of(Arrays.copyOfRange(l.topics().get(1).raw(), 12, 32));
        Address to = Address.of(Arrays.copyOfRange(l.topics().get(2).raw(), 12, 32));
        if (opaque.length < 73) return null;
        long gasLimit = new BigInteger(1, Arrays.copyOfRange(opaque, 64, 72)).longValue();
        return new Deposit(chainId, from, to, Wei.of(Abi.uint(opaque, 0)), gasLimit, Arrays.copyOfRange(opaque, 73, opaque.length), l1Block, l1BlockHash, logIndex);
    }

    static Address alias(Address a) {
        BigInteger v = new BigInteger(1, a.raw()).add(ALIAS_OFFSET).mod(BigInteger.ONE.shiftLeft(160));
        return Address.of(Arrays.copyOfRange(Abi.word(v), 12, 32));
    }

    private static Hash topic(Address a) {
        return Hash.of(Bytes.leftPad(a.raw(), 32));
    }
}
