package dev.rollupstudio.workload;

import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.TxEncoder;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.runtime.rollup.Predeploys;
import dev.rollupstudio.runtime.rollup.Withdrawals;
import dev.rollupstudio.state.WorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.wallet.DevAccounts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Deterministic traffic from the dev accounts: signed EIP-1559 transfers to other dev accounts
 * and to fresh addresses, with a small share of withdrawals to L1. The same seed gives the same
 * transactions; signing fans out over all cores but keeps the order.
 */
public final class TransferWorkload {
    private static final BigInteger MIN_TIP = BigInteger.valueOf(1_000_000);

    private final DevAccounts accounts;
    private final int senders;
    private final long chainId;
    private final SplittableRandom rnd;
    private final long[] nonces;
    private volatile double withdrawalShare;

    public TransferWorkload(DevAccounts accounts, int senders, long chainId, long seed, WorldState state, double withdrawalShare) {
        this.accounts = accounts;
        this.senders = senders;
        this.chainId = chainId;
        this.rnd = new SplittableRandom(seed);
        this.nonces = new long[senders];
        this.withdrawalShare = withdrawalShare;
        for (int i = 0; i < senders; i++) nonces[i] = state.nonce(accounts.address(i));
    }

    public void setWithdrawalShare(double share) {
        withdrawalShare = share;
    }

    /** The next {@code n} transactions, signed; fees bid {@code 2 x baseFee + tip}. */
    public List<Transaction> next(int n, BigInteger baseFee) {
        List<UnsignedTransaction> unsigned = new ArrayList<>(n);
        int[] from = new int[n];
        for (int i = 0; i < n; i++) {
            int s = rnd.nextInt(senders);
            from[i] = s;
            BigInteger tip = MIN_TIP.multiply(BigInteger.valueOf(1 + rnd.nextInt(10)));
            BigInteger cap = baseFee.shiftLeft(1).add(tip);
            UnsignedTransaction u;
            if (rnd.nextDouble() < withdrawalShare) {
                u = UnsignedTransaction.transfer(chainId, nonces[s]++, Predeploys.L2_TO_L1_MESSAGE_PASSER,
                        BigInteger.TEN.pow(15).multiply(BigInteger.valueOf(1 + rnd.nextInt(100))), tip, cap)
                        .withGasLimit(21_000 + Withdrawals.EXECUTION_GAS);
            } else {
                u = UnsignedTransaction.transfer(chainId, nonces[s]++, recipient(), BigInteger.valueOf(1 + rnd.nextInt(1_000_000)).multiply(BigInteger.TEN.pow(9)), tip, cap);
            }
            unsigned.add(u);
        }
        return IntStream.range(0, n).parallel().mapToObj(i -> TxEncoder.sign(unsigned.get(i), accounts.key(from[i]))).toList();
    }

    private Address recipient() {
        if (rnd.nextInt(4) == 0) {
            byte[] a = new byte[20];
            for (int i = 0; i < 20; i++) a[i] = (byte) rnd.nextInt(256);
            return Address.of(a);
        }
        return accounts.address(rnd.nextInt(accounts.size()));
    }
}
