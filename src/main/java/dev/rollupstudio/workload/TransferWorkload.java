package dev.rollupstudio.workload;

import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.TxEncoder;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.contracts.GenesisContracts;
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
 * Deterministic traffic from the dev accounts: signed EIP-1559 transfers of ether and of the
 * Studio Token to other dev accounts and to fresh addresses, Studio Collectible mints, and
 * withdrawals to L1, in the shares of a {@link Mix}. The same seed gives the same transactions;
 * signing fans out over all cores but keeps the order.
 */
public final class TransferWorkload {
    private static final BigInteger MIN_TIP = BigInteger.valueOf(1_000_000);
    /** Gas limits a wallet would estimate with headroom: a token transfer to a new holder uses about 52,000, a first mint about 95,000. */
    public static final long TOKEN_TRANSFER_GAS = 80_000;
    public static final long MINT_GAS = 150_000;
    private static final BigInteger CENTI_TOKEN = BigInteger.TEN.pow(16);

    private static final byte[] MINT = Abi.selector("mint()");

    private final DevAccounts accounts;
    private final int senders;
    private final long chainId;
    private final SplittableRandom rnd;
    private final long[] nonces;
    private volatile Mix mix;

    /** Ether transfers with a share of withdrawals. */
    public TransferWorkload(DevAccounts accounts, int senders, long chainId, long seed, WorldState state, double withdrawalShare) {
        this(accounts, senders, chainId, seed, state, Mix.transfers(withdrawalShare));
    }

    public TransferWorkload(DevAccounts accounts, int senders, long chainId, long seed, WorldState state, Mix mix) {
        this.accounts = accounts;
        this.senders = senders;
        this.chainId = chainId;
        this.rnd = new SplittableRandom(seed);
        this.nonces = new long[senders];
        this.mix = mix;
        for (int i = 0; i < senders; i++) nonces[i] = state.nonce(accounts.address(i));
    }

    /** What a wallet asks its node before it signs: the pending nonce, and the sender's pooled head if it is priced out. */
    public interface Node {
        long pendingNonce(Address sender);

        /** The sender's pooled transactions, from its account nonce on, whose fee cap is below {@code baseFee}. */
        List<Transaction> pricedOut(Address sender, BigInteger baseFee);
    }

    public void setMix(Mix m) {
        mix = m;
    }

    /**
     * The next {@code n} transactions, signed; fees bid {@code 2 x baseFee + tip}. Like a wallet,
     * each sender continues from the nonce its node reports as pending (so a dropped or rejected
     * transaction never leaves a gap), and a sender whose pooled transactions are priced out by a
     * risen base fee first replaces them all ("speed up": each to today's bid, and at least 10%
     * above its old fees); speeding up only the first left the rest stuck behind it, one per tick.
     */
    public List<Transaction> next(int n, BigInteger baseFee, Node node) {
        if (node != null) for (int i = 0; i < senders; i++) nonces[i] = node.pendingNonce(accounts.address(i));
        boolean[] spedUp = new boolean[senders];
        List<UnsignedTransaction> unsigned = new ArrayList<>(n);
        int[] from = new int[n];
        for (int i = 0; i < n; i++) {
            int s = rnd.nextInt(senders);
            BigInteger tip = MIN_TIP.multiply(BigInteger.valueOf(1 + rnd.nextInt(10)));
            BigInteger cap = baseFee.shiftLeft(1).add(tip);
            if (node != null && !spedUp[s]) {
                spedUp[s] = true;
                List<Transaction> stuck = node.pricedOut(accounts.address(s), baseFee);
                for (int k = 0; k < stuck.size() && i < n; k++, i++) {
                    from[i] = s;
                    unsigned.add(speedUp(stuck.get(k), tip, cap));
                }
                if (!stuck.isEmpty()) {
                    i--; // the loop's own increment
                    continue;
                }
            }
            from[i] = s;
            UnsignedTransaction u;
            Mix m = mix;
            double kind = rnd.nextDouble();
            if (kind < m.withdrawals()) {
                u = UnsignedTransaction.transfer(chainId, nonces[s]++, Predeploys.L2_TO_L1_MESSAGE_PASSER,
                        BigInteger.TEN.pow(15).multiply(BigInteger.valueOf(1 + rnd.nextInt(100))), tip, cap)
                        .withGasLimit(21_000 + Withdrawals.EXECUTION_GAS);
            } else if (kind < m.withdrawals() + m.tokenTransfers()) {
                byte[] call = Abi.call("transfer(address,uint256)", recipient(), CENTI_TOKEN.multiply(BigInteger.valueOf(1 + rnd.nextInt(1000))));
                u = UnsignedTransaction.transfer(chainId, nonces[s]++, GenesisContracts.TOKEN, BigInteger.ZERO, tip, cap).withData(call).withGasLimit(TOKEN_TRANSFER_GAS);
            } else if (kind < m.withdrawals() + m.tokenTransfers() + m.nftMints()) {
                u = UnsignedTransaction.transfer(chainId, nonces[s]++, GenesisContracts.COLLECTIBLE, BigInteger.ZERO, tip, cap).withData(MINT)
                        .withGasLimit(MINT_GAS);
            } else {
                u = UnsignedTransaction.transfer(chainId, nonces[s]++, recipient(), BigInteger.valueOf(1 + rnd.nextInt(1_000_000)).multiply(BigInteger.TEN.pow(9)), tip, cap);
            }
            unsigned.add(u);
        }
        return IntStream.range(0, n).parallel().mapToObj(i -> TxEncoder.sign(unsigned.get(i), accounts.key(from[i]))).toList();
    }

    /** Signed offline, as a pre-signed batch is: consecutive nonces from where the last batch ended. */
    public List<Transaction> next(int n, BigInteger baseFee) {
        return next(n, baseFee, null);
    }

    /** The same transaction at fees that replace it in the pool and meet today's base fee. */
    private UnsignedTransaction speedUp(Transaction stuck, BigInteger tip, BigInteger cap) {
        BigInteger newTip = tip.max(bumped(stuck.maxPriorityFeePerGas()));
        BigInteger newCap = cap.max(bumped(stuck.maxFeePerGas())).max(newTip);
        return new UnsignedTransaction(stuck.type(), chainId, stuck.nonce(), newTip, newCap, stuck.gasLimit(), stuck.to(), stuck.value(), stuck.data(),
                stuck.accessList());
    }

    private static BigInteger bumped(BigInteger v) {
        return v.multiply(BigInteger.valueOf(11)).divide(BigInteger.TEN).add(BigInteger.ONE);
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
