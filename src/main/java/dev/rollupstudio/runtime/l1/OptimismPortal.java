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
 * A rollup's deposit portal on L1, native behind OP Stack's {@code OptimismPortal} ABI:
 * {@code depositTransaction(address,uint256,uint64,bool,bytes)} (payable) and plain ETH sent to it
 * (a deposit to the sender) emit OP's {@code TransactionDeposited} event, from whose logs the
 * rollup derives its deposit transactions, as op-node does. The ETH stays in the portal's
 * balance: what the bridge holds for the rollup. Simplifications, each refused with a reason:
 * deposits carry ETH only (no contract creation, no call data) and mint what they send
 * ({@code _value == msg.value}); a deposit costs a flat {@link #GAS} (OP's resource metering
 * is not modelled). Proving and finalising withdrawals go through {@link Bridge}.
 */
final class OptimismPortal implements NativeContract {
    static final Hash TRANSACTION_DEPOSITED = Keccak.hash("TransactionDeposited(address,address,uint256,bytes)".getBytes(StandardCharsets.US_ASCII));
    static final byte[] DEPOSIT = Abi.selector("depositTransaction(address,uint256,uint64,bool,bytes)");
    static final byte[] L2_ORACLE = Abi.selector("l2Oracle()");
    static final long GAS = 30_000;
    /** OP's AddressAliasHelper offset: a contract's deposits come from its address plus this on L2. */
    static final BigInteger ALIAS_OFFSET = new BigInteger("1111000000000000000000000000000000001111", 16);

    private final long chainId;

    OptimismPortal(long chainId) {
        this.chainId = chainId;
    }

    @Override public Evm.Result run(Evm evm, Evm.Message m) {
        if (m.gas() < GAS) return Evm.Result.halt("out of gas");
        long left = m.gas() - GAS;
        byte[] in = m.input();
        if (Abi.startsWith(in, L2_ORACLE)) return SystemContracts.ok(left, Abi.encode(SystemContracts.outputOracle(chainId)));
        Address to;
        BigInteger value, gasLimit;
        if (in.length == 0) { // receive(): a deposit of msg.value to the sender
            to = m.caller();
            value = m.value().value();
            gasLimit = BigInteger.valueOf(100_000);
        } else if (Abi.startsWith(in, DEPOSIT)) {
            byte[] args = Abi.args(in);
            byte[] data = Abi.bytes(args, 4);
            if (args.length < 160 || data == null) return SystemContracts.revert(left, "OptimismPortal: malformed depositTransaction arguments");
            to = Abi.address(args, 0);
            value = Abi.uint(args, 1);
            gasLimit = Abi.uint(args, 2);
            if (Abi.uint(args, 3).signum() != 0 || data.length > 0) {
                return SystemContracts.revert(left, "OptimismPortal: this devnet's portal deposits ETH only (_isCreation false, empty _data)");
            }
            if (!value.equals(m.value().value())) return SystemContracts.revert(left, "OptimismPortal: _value must equal msg.value (ETH minted on L2 and sent to _to)");
            if (gasLimit.compareTo(BigInteger.valueOf(21_000)) < 0 || gasLimit.bitLength() > 64) return SystemContracts.revert(left, "OptimismPortal: gas limit too small");
        } else {
            return SystemContracts.revert(left, "OptimismPortal: unknown function " + Bytes.toHex(Arrays.copyOf(in, Math.min(4, in.length))));
        }
        if (m.isStatic()) return Evm.Result.halt("a deposit in a static call");
        if (to.equals(Address.ZERO)) return SystemContracts.revert(left, "OptimismPortal: _to is the zero address");
        Address from = m.caller().equals(evm.origin()) ? m.caller() : alias(m.caller());
        byte[] opaque = Bytes.concat(Abi.word(m.value().value()), Abi.word(value), Arrays.copyOfRange(Abi.word(gasLimit), 24, 32), new byte[] {0});
        evm.journal().log(new Log(m.target(), List.of(TRANSACTION_DEPOSITED, topic(from), topic(to), Hash.ZERO), Abi.encodeBytes(opaque)));
        return SystemContracts.ok(left, new byte[0]);
    }

    /** The deposit a TransactionDeposited log of this portal describes, or null if it is not one. */
    static Deposit deposit(long chainId, Log l, long l1Block, Hash l1BlockHash, int logIndex) {
        if (!l.address().equals(SystemContracts.portal(chainId)) || l.topics().size() != 4 || !l.topics().get(0).equals(TRANSACTION_DEPOSITED)) return null;
        byte[] opaque = Abi.bytes(l.data(), 0);
        if (opaque == null || opaque.length < 32) return null;
        Address from = Address.of(Arrays.copyOfRange(l.topics().get(1).raw(), 12, 32));
        Address to = Address.of(Arrays.copyOfRange(l.topics().get(2).raw(), 12, 32));
        return new Deposit(chainId, from, to, Wei.of(Abi.uint(opaque, 0)), l1Block, l1BlockHash, logIndex);
    }

    static Address alias(Address a) {
        BigInteger v = new BigInteger(1, a.raw()).add(ALIAS_OFFSET).mod(BigInteger.ONE.shiftLeft(160));
        return Address.of(Arrays.copyOfRange(Abi.word(v), 12, 32));
    }

    private static Hash topic(Address a) {
        return Hash.of(Bytes.leftPad(a.raw(), 32));
    }
}
