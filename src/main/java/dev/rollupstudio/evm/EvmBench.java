package dev.rollupstudio.evm;

import dev.rollupstudio.state.TrieWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The interpreter alone, in Mgas/s, on three loops written in bytecode so later changes can be
 * compared: a token-transfer loop (two keccak-addressed balances read and written per round, as
 * an ERC-20 transfer does), a keccak loop, and a MULMOD/ADD arithmetic loop. Each runs as one
 * transaction of about 30M gas on a fresh state; the best of five runs counts.
 */
public final class EvmBench {
    private EvmBench() {}

    /** One loop's figure. */
    public record Result(String name, long gas, double bestMillis, double mgasPerSecond) {}

    /** PUSH3 n; loop { balance[0xAA] -= 1; balance[0xBB] += 1 } with keccak(key . slot 0) slots. */
    static final String TOKEN = "62%06x5b60aa60005260406000208054600190039055" + "60bb6000526040600020805460010190556001900380600457" + "00";
    /** PUSH3 n; loop { mem[0] = keccak(mem[0..64]) }. */
    static final String KECCAK = "62%06x5b604060002060005260019003806004570" + "0";
    /** PUSH1 7; PUSH3 n; loop { acc += mulmod(acc, acc, M) }. */
    static final String ARITH = "600762%06x5b907f" + "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47" + "818009019060019003806006570" + "0";

    public static List<Result> run() {
        List<Result> out = new ArrayList<>();
        out.add(measure("token transfer loop", TOKEN, 50_000));
        out.add(measure("keccak loop", KECCAK, 400_000));
        out.add(measure("mulmod/add loop", ARITH, 600_000));
        return out;
    }

    private static Result measure(String name, String template, int rounds) {
        byte[] code = Bytes.fromHex(String.format(template, rounds));
        Address contract = Address.fromHex("0x00000000000000000000000000000000000c0de1");
        Address sender = Address.fromHex("0x00000000000000000000000000000000000a11ce");
        double best = Double.MAX_VALUE;
        long gas = 0;
        for (int run = 0; run < 6; run++) {
            TrieWorldState state = new TrieWorldState();
            state.setCode(contract, code);
            state.setBalance(sender, Wei.ether(1_000));
            BlockEnv block = new BlockEnv(Address.ZERO, 1, 1, 100_000_000, BigInteger.ONE, Hash.ZERO, BigInteger.ONE, 1, n -> Hash.ZERO);
            EvmTransaction tx = new EvmTransaction(0, sender, contract, 0, BigInteger.ZERO, new byte[0], 90_000_000, BigInteger.ONE, null, null,
                    List.of(), List.of(), BigInteger.ZERO);
            long t0 = System.nanoTime();
            TransactionProcessor.Outcome o = TransactionProcessor.process(state, block, tx);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (!o.success()) throw new IllegalStateException(name + " failed: " + o.error());
            gas = o.gasUsed();
            if (run > 0) best = Math.min(best, ms); // the first run warms the JIT
        }
        return new Result(name, gas, best, gas / best / 1000.0);
    }
}
