package dev.rollupstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.types.Wei;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.TxEncoder;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.rollup.TxPool;
import dev.rollupstudio.runtime.rollup.TxRejection;
import dev.rollupstudio.runtime.rollup.TxRejection.Reason;
import dev.rollupstudio.state.TrieWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;

/** Every rejection reason, with the sentence a user reads, plus replace-by-fee, eviction and ordering. */
class TxPoolTest {
    private static final long CHAIN = 901;
    private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger BASE_FEE = GWEI;
    private static final ECKeyPair ALICE = ECKeyPair.create(BigInteger.valueOf(0xA11CE));
    private static final ECKeyPair BOB = ECKeyPair.create(BigInteger.valueOf(0xB0B));
    private static final ECKeyPair POOR = ECKeyPair.create(BigInteger.valueOf(0x9002));
    private static final Address TO = Address.fromHex("0x00000000000000000000000000000000000000aa");

    private final RollupConfig config = RollupConfig.opStack(CHAIN);
    private final TrieWorldState state = new TrieWorldState();
    private TxPool pool = new TxPool(config);

    TxPoolTest() {
        state.setBalance(address(ALICE), Wei.ether(1_000));
        state.setBalance(address(BOB), Wei.ether(1_000));
        state.setNonce(address(ALICE), 5);
    }

    private static Address address(ECKeyPair k) {
        return Address.fromHex(org.web3j.crypto.Keys.getAddress(k));
    }

    private static UnsignedTransaction transfer(long nonce) {
        return UnsignedTransaction.transfer(CHAIN, nonce, TO, BigInteger.ONE, GWEI, GWEI.multiply(BigInteger.TWO));
    }

    private TxRejection add(UnsignedTransaction u, ECKeyPair key) {
        return add(TxEncoder.sign(u, key));
    }

    private TxRejection add(Transaction tx) {
        return pool.add(tx, state, BASE_FEE, BigInteger.ZERO, 0, -1);
    }

    @Test
    void acceptsAValidTransfer() {
        assertThat(add(transfer(5), ALICE)).isNull();
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void badSignature() {
        Transaction good = TxEncoder.sign(transfer(5), ALICE);
        byte[] raw = good.encoded();
        // swap s for n - s: still a point on the curve, but the high-s form EIP-2 forbids
        BigInteger highS = Transaction.SECP256K1_N.subtract(good.s());
        byte[] sBytes = Bytes.leftPad(dev.rollupstudio.chain.rlp.Rlp.minimal(good.s()), 32);
        byte[] hBytes = Bytes.leftPad(dev.rollupstudio.chain.rlp.Rlp.minimal(highS), 32);
        System.arraycopy(hBytes, 0, raw, raw.length - 32, 32);
        assertThat(java.util.Arrays.equals(java.util.Arrays.copyOfRange(good.encoded(), raw.length - 32, raw.length), sBytes)).isTrue();
        TxRejection r = add(Transaction.decode(raw));
        assertThat(r.reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(r.message()).isEqualTo("bad signature: signature s is zero or in the upper half of the curve order (EIP-2)");
    }

    @Test
    void wrongChainId() {
        TxRejection r = add(transfer(5).withChainId(1), ALICE);
        assertThat(r.reason()).isEqualTo(Reason.WRONG_CHAIN_ID);
        assertThat(r.message()).isEqualTo("wrong chain id: transaction is for chain 1, this rollup is chain 901");
    }

    @Test
    void nonceTooLow() {
        TxRejection r = add(transfer(3), ALICE);
        assertThat(r.reason()).isEqualTo(Reason.NONCE_TOO_LOW);
        assertThat(r.message()).isEqualTo("nonce too low: account " + address(ALICE).shortHex() + " is at 5, transaction has 3");
    }

    @Test
    void nonceTooFarAhead() {
        TxRejection r = add(transfer(5 + 65), ALICE);
        assertThat(r.reason()).isEqualTo(Reason.NONCE_TOO_FAR_AHEAD);
        assertThat(r.message()).isEqualTo("nonce too far ahead: account " + address(ALICE).shortHex()
                + " is at 5, transaction has 70; a gap of at most 64 is kept");
        // a contiguous run of pooled transactions moves the limit with it
        for (long n = 5; n < 75; n++) assertThat(add(transfer(n), ALICE)).isNull();
        assertThat(add(transfer(75 + 64), ALICE)).isNull();
    }

    @Test
    void insufficientFunds() {
        TxRejection r = add(transfer(0), POOR);
        assertThat(r.reason()).isEqualTo(Reason.INSUFFICIENT_FUNDS);
        assertThat(r.message()).isEqualTo("insufficient funds for gas x price + value: account " + address(POOR).shortHex()
                + " has 0 wei, needs " + (21_000L * 2_000_000_000L + 1) + " wei");
    }

    @Test
    void intrinsicGasTooLow() {
        TxRejection r = add(transfer(5).withGasLimit(20_000), ALICE);
        assertThat(r.reason()).isEqualTo(Reason.INTRINSIC_GAS_TOO_LOW);
        assertThat(r.message()).isEqualTo("intrinsic gas too low: gas limit 20000, needs at least 21000");
    }

    @Test
    void feeCapBelowBaseFee() {
        TxRejection r = add(transfer(5).withFees(BigInteger.ONE, BigInteger.valueOf(999_999_999)), ALICE);
        assertThat(r.reason()).isEqualTo(Reason.FEE_CAP_BELOW_BASE_FEE);
        assertThat(r.message()).isEqualTo("fee cap below base fee: max fee 999999999 wei, base fee is 1000000000 wei");
    }

    @Test
    void tipAboveFeeCap() {
        TxRejection r = add(transfer(5).withFees(GWEI.multiply(BigInteger.TEN), GWEI.multiply(BigInteger.TWO)), ALICE);
        assertThat(r.reason()).isEqualTo(Reason.TIP_ABOVE_FEE_CAP);
        assertThat(r.message()).isEqualTo("max priority fee 10000000000 is above the fee cap 2000000000");
    }

    @Test
    void transactionTooLarge() {
        TxRejection r = add(transfer(5).withData(new byte[140_000]).withGasLimit(700_000), ALICE);
        assertThat(r.reason()).isEqualTo(Reason.TX_TOO_LARGE);
        assertThat(r.message()).matches("transaction is 140\\d{3} bytes; the limit is 131072");
    }

    @Test
    void contractCreationIsAdmittedUnlessItsInitcodeIsOverTheLimit() {
        assertThat(add(new UnsignedTransaction(dev.rollupstudio.chain.TxType.DYNAMIC_FEE, CHAIN, 5, GWEI, GWEI.multiply(BigInteger.TWO),
                100_000, null, BigInteger.ZERO, new byte[] {0x60, 0x00}, List.of()), ALICE)).isNull();
        TxRejection r = add(new UnsignedTransaction(dev.rollupstudio.chain.TxType.DYNAMIC_FEE, CHAIN, 6, GWEI, GWEI.multiply(BigInteger.TWO),
                25_000_000, null, BigInteger.ZERO, new byte[49_153], List.of()), ALICE);
        assertThat(r.reason()).isEqualTo(Reason.TX_TOO_LARGE);
        assertThat(r.message()).startsWith("initcode of 49153 bytes is above the 49,152-byte limit");
    }

    @Test
    void pendingFullUnlessTheNewcomerPaysMoreThanTheCheapest() {
        pool = new TxPool(config.withPoolCapacity(2));
        assertThat(add(transfer(5), ALICE)).isNull();
        assertThat(add(transfer(6), ALICE)).isNull();
        TxRejection r = add(UnsignedTransaction.transfer(CHAIN, 0, TO, BigInteger.ONE, GWEI, GWEI.multiply(BigInteger.TWO)), BOB);
        assertThat(r.reason()).isEqualTo(Reason.POOL_FULL);
        assertThat(r.message()).isEqualTo("the pool's pending section holds its maximum of 2 runnable transactions and this one pays no more than any of them; raise the tip or retry later");
        Transaction richer = TxEncoder.sign(UnsignedTransaction.transfer(CHAIN, 0, TO, BigInteger.ONE, GWEI.multiply(BigInteger.TWO), GWEI.multiply(BigInteger.TEN)), BOB);
        assertThat(add(richer)).isNull();
        assertThat(pool.size()).isEqualTo(2);
        assertThat(pool.contains(richer.hash())).isTrue();
        assertThat(pool.entry(address(ALICE), 6)).as("the cheapest run's last transaction goes").isNull();
        assertThat(pool.entry(address(ALICE), 5)).isNotNull();
    }

    @Test
    void transactionsBehindAGapAreQueuedAndNeverTakeARunnableSlot() {
        pool = new TxPool(config.withPool(config.pool().withCapacity(1).withQueuedSlots(2)));
        assertThat(add(transfer(6), ALICE)).isNull(); // Alice is at nonce 5: 6 and 7 wait behind a gap
        assertThat(add(transfer(7), ALICE)).isNull();
        assertThat(pool.queuedCount()).isEqualTo(2);
        assertThat(pool.pendingCount()).isZero();
        Transaction bob = TxEncoder.sign(UnsignedTransaction.transfer(CHAIN, 0, TO, BigInteger.ONE, GWEI, GWEI.multiply(BigInteger.TWO)), BOB);
        assertThat(add(bob)).as("the pending section is empty however full the queue").isNull();
        assertThat(pool.pendingCount()).isEqualTo(1);
        assertThat(pool.pendingNonce(address(ALICE), state)).isEqualTo(5);
    }

    @Test
    void aFullQueueEvictsItsCheapestAndRefusesWhatPaysNoMore() {
        pool = new TxPool(config.withPool(config.pool().withCapacity(10).withQueuedSlots(1)));
        assertThat(add(transfer(7), ALICE)).isNull();
        TxRejection r = add(UnsignedTransaction.transfer(CHAIN, 2, TO, BigInteger.ONE, GWEI, GWEI.multiply(BigInteger.TWO)), BOB);
        assertThat(r.reason()).isEqualTo(Reason.POOL_FULL);
        assertThat(r.message()).isEqualTo("the pool's queued section holds its maximum of 1 transactions waiting behind a nonce gap and this one pays no more than any of them; send nonce 0 first");
        Transaction richer = TxEncoder.sign(UnsignedTransaction.transfer(CHAIN, 2, TO, BigInteger.ONE, GWEI.multiply(BigInteger.TWO), GWEI.multiply(BigInteger.TEN)), BOB);
        assertThat(add(richer)).isNull();
        assertThat(pool.entry(address(ALICE), 7)).isNull();
        assertThat(pool.queuedCount()).isEqualTo(1);
    }

    @Test
    void fillingTheGapPromotesTheQueueToPending() {
        assertThat(add(transfer(6), ALICE)).isNull();
        assertThat(add(transfer(7), ALICE)).isNull();
        assertThat(add(transfer(9), ALICE)).isNull();
        assertThat(pool.queuedCount()).isEqualTo(3);
        assertThat(add(transfer(5), ALICE)).isNull();
        assertThat(pool.pendingCount()).isEqualTo(3); // 5, 6, 7; 9 still waits for 8
        assertThat(pool.queuedCount()).isEqualTo(1);
        assertThat(pool.pendingNonce(address(ALICE), state)).isEqualTo(8);
        state.setNonce(address(ALICE), 7); // 5 and 6 were included
        pool.prune(List.of(address(ALICE)), state);
        assertThat(pool.pendingCount()).isEqualTo(1);
        assertThat(pool.size()).isEqualTo(2);
        pool.remove(pool.entry(address(ALICE), 7).tx().hash()); // dropped: 9 stays queued
        assertThat(pool.pendingCount()).isZero();
        assertThat(pool.queuedCount()).isEqualTo(1);
    }

    @Test
    void aFullPoolDropsASenderWhoseNextTransactionIsPricedOut() {
        pool = new TxPool(config.withPoolCapacity(2));
        assertThat(add(transfer(5), ALICE)).isNull(); // fee cap 2 gwei
        assertThat(add(transfer(6), ALICE)).isNull();
        BigInteger risen = GWEI.multiply(BigInteger.valueOf(3)); // the base fee has passed Alice's cap
        Transaction bob = TxEncoder.sign(UnsignedTransaction.transfer(CHAIN, 0, TO, BigInteger.ONE, GWEI, GWEI.multiply(BigInteger.TEN)), BOB);
        assertThat(pool.add(bob, state, risen, BigInteger.ZERO, 0, -1)).isNull();
        assertThat(pool.size()).isEqualTo(1);
        assertThat(pool.entry(address(ALICE), 5)).isNull();
        assertThat(pool.pendingNonce(address(BOB), state)).isEqualTo(1);
    }

    @Test
    void replaceByFeeNeedsATenPercentBumpOnBothFields() {
        assertThat(add(transfer(5), ALICE)).isNull();
        TxRejection r = add(transfer(5).withFees(GWEI.multiply(BigInteger.valueOf(109)).divide(BigInteger.valueOf(100)), GWEI.multiply(BigInteger.valueOf(3))), ALICE);
        assertThat(r.reason()).isEqualTo(Reason.REPLACEMENT_UNDERPRICED);
        assertThat(r.message()).contains("must raise both fee cap and tip by at least 10% (to 2200000000 and 1100000000 wei)");
        Transaction bumped = TxEncoder.sign(transfer(5).withFees(GWEI.multiply(BigInteger.valueOf(11)).divide(BigInteger.TEN), GWEI.multiply(BigInteger.valueOf(22)).divide(BigInteger.TEN)), ALICE);
        assertThat(add(bumped)).isNull();
        assertThat(pool.size()).isEqualTo(1);
        assertThat(pool.contains(bumped.hash())).isTrue();
    }

    @Test
    void alreadyKnown() {
        Transaction tx = TxEncoder.sign(transfer(5), ALICE);
        assertThat(add(tx)).isNull();
        TxRejection r = add(tx);
        assertThat(r.reason()).isEqualTo(Reason.ALREADY_KNOWN);
        assertThat(r.message()).isEqualTo("transaction " + tx.hash().shortHex() + " is already in the pool");
    }

    @Test
    void gasLimitAboveTheBlockGasLimit() {
        TxRejection r = add(transfer(5).withGasLimit(30_000_001), ALICE);
        assertThat(r.reason()).isEqualTo(Reason.GAS_LIMIT_ABOVE_BLOCK);
        assertThat(r.message()).isEqualTo("gas limit 30000001 exceeds the block gas limit of 30000000");
    }

    @Test
    void blobTransactionsAreRefusedWithWhereToSendThem() {
        TxRejection r = add(Transaction.decode(dev.rollupstudio.chain.TransactionTest.blobTx(false)));
        assertThat(r.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE);
        assertThat(r.message()).isEqualTo("blob transactions (type 3) are not accepted on the rollup; post blobs to L1");
    }

    @Test
    void depositsOnlyComeFromL1() {
        Transaction deposit = TxEncoder.deposit(dev.rollupstudio.types.Hash.ZERO, address(ALICE), TO, BigInteger.ONE, BigInteger.ONE, 21_000, new byte[0]);
        TxRejection r = add(deposit);
        assertThat(r.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE);
        assertThat(r.message()).isEqualTo("deposit transactions come only from the L1 bridge");
    }

    @Test
    void legacyWithoutReplayProtectionIsRefused() {
        // signed before EIP-155 (v = 27 or 28): valid on every chain, so the pool asks for a chain id
        org.web3j.crypto.RawTransaction raw = org.web3j.crypto.RawTransaction.createEtherTransaction(BigInteger.valueOf(5), GWEI.multiply(BigInteger.TWO),
                BigInteger.valueOf(21_000), TO.toHex(), BigInteger.ONE);
        Transaction unprotected = Transaction.decode(org.web3j.crypto.TransactionEncoder.signMessage(raw, org.web3j.crypto.Credentials.create(ALICE)));
        assertThat(unprotected.chainId()).isNull();
        assertThat(unprotected.sender()).isEqualTo(address(ALICE));
        TxRejection r = add(unprotected);
        assertThat(r.reason()).isEqualTo(Reason.WRONG_CHAIN_ID);
        assertThat(r.message()).isEqualTo("legacy transaction without EIP-155 replay protection; sign it for chain id 901");
    }

    @Test
    void selectionOrdersByTipThenNonce() {
        assertThat(add(transfer(5).withFees(BigInteger.ONE, GWEI.multiply(BigInteger.TWO)), ALICE)).isNull();
        assertThat(add(transfer(6).withFees(GWEI.multiply(BigInteger.TEN), GWEI.multiply(BigInteger.valueOf(20))), ALICE)).isNull();
        assertThat(add(UnsignedTransaction.transfer(CHAIN, 0, TO, BigInteger.ONE, GWEI, GWEI.multiply(BigInteger.TWO)), BOB)).isNull();
        TxPool.Selection sel = pool.select(state, BASE_FEE);
        List<String> order = new ArrayList<>();
        TxPool.Entry e;
        while ((e = sel.peek()) != null) {
            order.add(e.sender().equals(address(BOB)) ? "bob" + e.tx().nonce() : "alice" + e.tx().nonce());
            sel.shift();
        }
        // Bob's 1 gwei tip beats Alice's 1 wei head; Alice's nonce 6 only follows her nonce 5
        assertThat(order).containsExactly("bob0", "alice5", "alice6");
    }
}
