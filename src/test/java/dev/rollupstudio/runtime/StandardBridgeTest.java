package dev.rollupstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.TxEncoder;
import dev.rollupstudio.chain.TxType;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.contracts.Alt;
import dev.rollupstudio.contracts.GenesisContracts;
import dev.rollupstudio.evm.BlockEnv;
import dev.rollupstudio.evm.Evm;
import dev.rollupstudio.evm.ReadOnlyCall;
import dev.rollupstudio.runtime.event.WithdrawalFinalized;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.runtime.l1.SystemContracts;
import dev.rollupstudio.runtime.rollup.Predeploys;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ALT through the standard bridge, on a running devnet: a deposit locks ALT in the rollup's L1
 * bridge and the L2 bridge mints it; a withdrawal burns it on L2 and, proven against an output and
 * finalized after the challenge window, releases it on L1; a deposit of a token the L2 bridge
 * cannot mint comes back. Supply is conserved across L1 and L2 at every step, and the verifier
 * derives every block, bridge calls included.
 */
class StandardBridgeTest {
    private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger ALT = BigInteger.TEN.pow(18);
    private static final long WINDOW_SECONDS = 60;
    private RollupRuntime rt;
    private long chainId;
    private Address bridge;
    private Address dev;
    private final List<WithdrawalFinalized> finalized = new ArrayList<>();
    private final List<Receipt> l1Receipts = new ArrayList<>();
    private BigInteger devAltBefore;

    @BeforeEach void start() {
        RuntimeOptions o = RuntimeOptions.defaults().withSeed(3);
        rt = RollupRuntime.inMemory(o.withRollup(o.rollup().withChallengeWindowSeconds(WINDOW_SECONDS)));
        rt.events().subscribe(e -> {
            if (e instanceof WithdrawalFinalized w) finalized.add(w);
        });
        chainId = rt.node().config().chainId();
        bridge = SystemContracts.standardBridge(chainId);
        dev = rt.accounts().address(0);
        devAltBefore = l1Alt(dev);
    }

    @Test void aDepositMintsAWithdrawalReleasesAndSupplyIsConservedThroughout() {
        // deposit 1,000 ALT: approve the bridge, then depositERC20
        Transaction approve = l1(Alt.L1_TOKEN, Abi.call("approve(address,uint256)", bridge, ALT.multiply(BigInteger.valueOf(1_000))));
        assertThat(rt.l1().submit(approve)).isNull();
        Transaction deposit = l1(bridge, Abi.call("depositERC20(address,address,uint256,uint32,bytes)", Alt.L1_TOKEN, Alt.L2_TOKEN,
                ALT.multiply(BigInteger.valueOf(1_000)), 0, new Abi.DynamicBytes(new byte[0])));
        assertThat(rt.l1().submit(deposit)).isNull();
        rt.runFor(60_000);
        assertThat(l1Receipt(approve).success()).isTrue();
        assertThat(l1Receipt(deposit).success()).isTrue();
        assertThat(l1Alt(bridge)).isEqualTo(ALT.multiply(BigInteger.valueOf(1_000)));
        assertThat(l2Alt(dev)).isEqualTo(ALT.multiply(BigInteger.valueOf(1_000)));
        assertSupplyConserved();

        // withdraw 400 ALT on L2 through the L2 bridge; the relayer proves and finalizes it
        Transaction withdraw = l2(0, Predeploys.L2_STANDARD_BRIDGE, Abi.call("withdraw(address,uint256,uint32,bytes)", Alt.L2_TOKEN,
                ALT.multiply(BigInteger.valueOf(400)), 0, new Abi.DynamicBytes(new byte[0])));
        rt.submitAll(List.of(withdraw));
        rt.runFor(5_000);
        assertThat(l2Alt(dev)).isEqualTo(ALT.multiply(BigInteger.valueOf(600)));
        assertThat(l1Alt(bridge)).isEqualTo(ALT.multiply(BigInteger.valueOf(1_000))); // locked until finalized
        rt.runFor(6 * 60_000 + WINDOW_SECONDS * 1000);
        assertThat(finalized).singleElement().satisfies(f -> assertThat(f.target()).isEqualTo(bridge));
        assertThat(l1Alt(bridge)).isEqualTo(ALT.multiply(BigInteger.valueOf(600)));
        assertThat(l1Alt(dev)).isEqualTo(devAltBefore.subtract(ALT.multiply(BigInteger.valueOf(600))));
        assertSupplyConserved();
        assertThat(rt.node().derivation().mismatches()).isZero();
        assertThat(rt.node().heads().safe()).isGreaterThan(0);
    }

    @Test void aDepositOfATokenTheL2BridgeCannotMintComesBackAndForeignCallersAreRefused() {
        BigInteger amount = ALT.multiply(BigInteger.valueOf(50));
        assertThat(rt.l1().submit(l1(Alt.L1_TOKEN, Abi.call("approve(address,uint256)", bridge, amount)))).isNull();
        // the Studio Token on L2 is not bridged ALT: the L2 bridge mints nothing and sends the deposit back
        Transaction wrongPair = l1(bridge, Abi.call("depositERC20(address,address,uint256,uint32,bytes)", Alt.L1_TOKEN, GenesisContracts.TOKEN,
                amount, 0, new Abi.DynamicBytes(new byte[0])));
        assertThat(rt.l1().submit(wrongPair)).isNull();
        // an account that is not the portal cannot release, nor one that is not the aliased L1 bridge mint
        Transaction forgedRelease = l1(bridge, Abi.call("finalizeERC20Withdrawal(address,address,address,address,uint256,bytes)", Alt.L1_TOKEN,
                Alt.L2_TOKEN, dev, dev, amount, new Abi.DynamicBytes(new byte[0])));
        assertThat(rt.l1().submit(forgedRelease)).isNull();
        Transaction forgedMint = l2(0, Predeploys.L2_STANDARD_BRIDGE, Abi.call("finalizeDeposit(address,address,address,address,uint256,bytes)",
                Alt.L1_TOKEN, Alt.L2_TOKEN, dev, dev, amount, new Abi.DynamicBytes(new byte[0])));
        // withdrawing bridged ALT one does not hold reverts and starts nothing
        Transaction overdraw = l2(1, Predeploys.L2_STANDARD_BRIDGE, Abi.call("withdraw(address,uint256,uint32,bytes)", Alt.L2_TOKEN,
                amount, 0, new Abi.DynamicBytes(new byte[0])));
        rt.submitAll(List.of(forgedMint, overdraw));
        rt.runFor(60_000);
        assertThat(l1Receipt(wrongPair).success()).isTrue();
        assertThat(l1Receipt(forgedRelease).success()).isFalse();
        assertThat(l2Receipt(forgedMint).success()).isFalse();
        assertThat(l2Receipt(overdraw).success()).isFalse();
        assertThat(uint(l2View(GenesisContracts.TOKEN, Abi.call("balanceOf(address)", dev)))).isEqualTo(GenesisContracts.TOKENS_EACH);
        assertThat(l1Alt(bridge)).isEqualTo(amount); // locked until the bounce is finalized
        assertThat(l1Alt(dev)).isEqualTo(devAltBefore.subtract(amount));

        rt.runFor(6 * 60_000 + WINDOW_SECONDS * 1000);
        assertThat(finalized).singleElement().satisfies(f -> assertThat(f.target()).isEqualTo(bridge));
        assertThat(l1Alt(dev)).isEqualTo(devAltBefore);
        assertThat(l1Alt(bridge)).isZero();
        assertThat(uint(l1View(bridge, Abi.call("deposits(address,address)", Alt.L1_TOKEN, GenesisContracts.TOKEN)))).isZero();
        assertThat(rt.node().derivation().mismatches()).isZero();
    }

    @Test void onARollupWhoseGasIsAltTheNativeCoinIsAltLockedInThePortal() {
        RuntimeOptions o = RuntimeOptions.defaults().withSeed(5);
        var fees = o.rollup().fees().withFeeToken(new dev.rollupstudio.runtime.config.FeeToken("ALT", 20_000, 1, Alt.L1_TOKEN));
        rt = RollupRuntime.inMemory(o.withRollup(o.rollup().withChallengeWindowSeconds(WINDOW_SECONDS).withFees(fees)));
        rt.events().subscribe(e -> {
            if (e instanceof WithdrawalFinalized w) finalized.add(w);
        });
        Address portal = SystemContracts.portal(chainId);
        BigInteger genesis = rt.node().genesis().totalSupply().value();
        assertThat(l1Alt(portal)).isEqualTo(genesis); // the treasury backs the dev accounts' native ALT
        assertThat(l1Alt(Alt.TREASURY)).isEqualTo(Alt.treasuryShare(rt.accounts().size()).subtract(genesis));

        BigInteger amount = ALT.multiply(BigInteger.valueOf(500));
        Transaction ethDeposit = TxEncoder.sign(new UnsignedTransaction(TxType.DYNAMIC_FEE, EmbeddedL1.CHAIN_ID, rt.l1().pendingNonce(dev), GWEI,
                rt.l1().baseFee().shiftLeft(1).add(GWEI), 200_000, portal, BigInteger.TEN.pow(18), new byte[0], List.of()), rt.accounts().key(0));
        assertThat(rt.l1().submit(ethDeposit)).isNull();
        assertThat(rt.l1().submit(l1(Alt.L1_TOKEN, Abi.call("approve(address,uint256)", portal, amount)))).isNull();
        Transaction deposit = l1(portal, Abi.call("depositERC20Transaction(address,uint256,uint256,uint64,bool,bytes)", dev, amount, amount, 100_000L, false,
                new Abi.DynamicBytes(new byte[0])));
        assertThat(rt.l1().submit(deposit)).isNull();
        BigInteger nativeBefore = rt.node().state().balance(dev).value();
        rt.runFor(60_000);
        assertThat(l1Receipt(ethDeposit).success()).isFalse();
        assertThat(l1Receipt(deposit).success()).isTrue();
        assertThat(rt.node().state().balance(dev).value()).isEqualTo(nativeBefore.add(amount));
        assertThat(l1Alt(portal)).isEqualTo(genesis.add(amount));

        // a withdrawal of native ALT: burnt on L2, paid out of the portal in ALT on L1
        BigInteger out = ALT.multiply(BigInteger.valueOf(100));
        BigInteger devL1 = l1Alt(dev);
        UnsignedTransaction w = new UnsignedTransaction(TxType.DYNAMIC_FEE, chainId, rt.node().state().nonce(dev), GWEI, GWEI.multiply(BigInteger.TEN), 200_000,
                Predeploys.L2_TO_L1_MESSAGE_PASSER, out, new byte[0], List.of());
        rt.submitAll(List.of(TxEncoder.sign(w, rt.accounts().key(0))));
        rt.runFor(6 * 60_000 + WINDOW_SECONDS * 1000);
        assertThat(finalized).singleElement().satisfies(f -> assertThat(f.value().value()).isEqualTo(out));
        assertThat(l1Alt(dev)).isEqualTo(devL1.add(out));
        var t = rt.node().chain().totals();
        assertThat(l1Alt(portal)).isEqualTo(genesis.add(t.deposited().value()).subtract(t.withdrawn().value()));
        BigInteger l2 = rt.node().state().accounts().values().stream().map(a -> a.balance().value()).reduce(BigInteger.ZERO, BigInteger::add);
        assertThat(l2.add(t.burntBaseFees().value()).add(t.withdrawn().value())).isEqualTo(genesis.add(t.deposited().value()));
        assertThat(uint(l1View(Alt.L1_TOKEN, Abi.call("totalSupply()")))).isEqualTo(Alt.SUPPLY);
        assertThat(rt.node().derivation().mismatches()).isZero();
    }

    /** L1 ALT's supply never changes; what the bridge holds equals bridged ALT's supply on L2 and its own count. */
    private void assertSupplyConserved() {
        assertThat(uint(l1View(Alt.L1_TOKEN, Abi.call("totalSupply()")))).isEqualTo(Alt.SUPPLY);
        BigInteger l2Supply = uint(l2View(Alt.L2_TOKEN, Abi.call("totalSupply()")));
        assertThat(l1Alt(bridge)).isEqualTo(l2Supply);
        assertThat(uint(l1View(bridge, Abi.call("deposits(address,address)", Alt.L1_TOKEN, Alt.L2_TOKEN)))).isEqualTo(l2Supply);
    }

    private Transaction l1(Address to, byte[] data) {
        UnsignedTransaction u = new UnsignedTransaction(TxType.DYNAMIC_FEE, EmbeddedL1.CHAIN_ID, rt.l1().pendingNonce(dev), GWEI,
                rt.l1().baseFee().shiftLeft(1).add(GWEI), 500_000, to, BigInteger.ZERO, data, List.of());
        return TxEncoder.sign(u, rt.accounts().key(0));
    }

    private Transaction l2(long nonce, Address to, byte[] data) {
        UnsignedTransaction u = new UnsignedTransaction(TxType.DYNAMIC_FEE, chainId, nonce, GWEI, GWEI.multiply(BigInteger.TEN), 500_000, to, BigInteger.ZERO,
                data, List.of());
        return TxEncoder.sign(u, rt.accounts().key(0));
    }

    private Receipt l1Receipt(Transaction tx) {
        for (long n = 1; n <= rt.l1().head().number(); n++) {
            L1Block b = rt.l1().block(n);
            for (int i = 0; i < b.transactions().size(); i++) if (b.transactions().get(i).hash().equals(tx.hash())) return b.receipts().get(i);
        }
        throw new AssertionError("not on L1: " + tx.hash() + " (" + rt.l1().droppedReason(tx.hash()) + ")");
    }

    private Receipt l2Receipt(Transaction tx) {
        for (long n = 1; n <= rt.node().chain().head().number(); n++) {
            var b = rt.node().chain().block(n).block();
            for (int i = 0; i < b.transactions().size(); i++) if (b.transactions().get(i).hash().equals(tx.hash())) return b.receipts().get(i);
        }
        throw new AssertionError("not on L2: " + tx.hash());
    }

    private BigInteger l1Alt(Address who) {
        return uint(l1View(Alt.L1_TOKEN, Abi.call("balanceOf(address)", who)));
    }

    private BigInteger l2Alt(Address who) {
        return uint(l2View(Alt.L2_TOKEN, Abi.call("balanceOf(address)", who)));
    }

    private byte[] l1View(Address to, byte[] data) {
        Evm.Result r = ReadOnlyCall.run(rt.l1().state(), rt.l1().headEnv(), dev, to, data, rt.l1().natives());
        assertThat(r.success()).as(r.error()).isTrue();
        return r.output();
    }

    private byte[] l2View(Address to, byte[] data) {
        BlockEnv env = new BlockEnv(Address.ZERO, 0, 0, 30_000_000, BigInteger.ZERO, Hash.ZERO, BigInteger.ONE, chainId, n -> Hash.ZERO);
        Evm.Result r = ReadOnlyCall.run(rt.node().state(), env, dev, to, data, Predeploys.natives());
        assertThat(r.success()).as(r.error()).isTrue();
        return r.output();
    }

    private static BigInteger uint(byte[] word) {
        return new BigInteger(1, word);
    }
}
