package dev.rollupstudio.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.contracts.OperatorRegistry.Service;
import dev.rollupstudio.evm.BlockEnv;
import dev.rollupstudio.evm.ReadOnlyCall;
import dev.rollupstudio.runtime.security.Attestation;
import dev.rollupstudio.state.TrieWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import dev.rollupstudio.wallet.DevAccounts;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operator registry on an L1 state, run by our EVM: operators bond ALT and ETH and opt in;
 * the runtime's storage reads agree with the contract's views; two MACH attestations by one
 * operator at one height slash its whole bond to the treasury, once; forged evidence is refused.
 */
class OperatorRegistryTest {
    private static final long L1 = 900;
    private static final long ROLLUP = 903;
    private static final BigInteger ALT_BOND = BigInteger.TEN.pow(23);
    private static final BigInteger ETH_BOND = BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(32));
    private final List<Address> devs = DevAccounts.derive(2).addresses();
    private final TrieWorldState l1 = new TrieWorldState();
    private final DevAccounts.Account op0 = DevAccounts.machOperator(ROLLUP, 0);
    private final DevAccounts.Account op1 = DevAccounts.machOperator(ROLLUP, 1);

    OperatorRegistryTest() {
        Alt.deployOnL1(l1, L1, 0, devs);
        OperatorRegistry.deployOnL1(l1, L1, 0);
        OperatorRegistry.join(l1, L1, op0.address(), ALT_BOND, ETH_BOND, ROLLUP, Service.MACH);
        OperatorRegistry.join(l1, L1, op1.address(), ALT_BOND, ETH_BOND, ROLLUP, Service.MACH);
    }

    private byte[] view(byte[] data) {
        BlockEnv env = new BlockEnv(Address.ZERO, 1, 0, 30_000_000, BigInteger.ONE, Hash.ZERO, BigInteger.ONE, L1, n -> Hash.ZERO);
        var r = ReadOnlyCall.run(l1.copy(), env, devs.get(0), OperatorRegistry.ADDRESS, data);
        assertThat(r.success()).as(r.error()).isTrue();
        return r.output();
    }

    @Test void theRuntimesStorageReadsAgreeWithTheContractsViews() {
        byte[] stake = view(Abi.call("stakeOf(address)", op0.address()));
        assertThat(OperatorRegistry.stakeOf(l1, op0.address())).containsExactly(Abi.uint(stake, 0), Abi.uint(stake, 1));
        assertThat(Abi.uint(stake, 0)).isEqualTo(ALT_BOND);
        assertThat(Abi.uint(stake, 1)).isEqualTo(ETH_BOND);
        assertThat(Abi.uint(view(Abi.call("optedIn(address,uint256,uint8)", op0.address(), BigInteger.valueOf(ROLLUP), BigInteger.ZERO)), 0))
                .isEqualTo(BigInteger.ONE);
        assertThat(OperatorRegistry.optedIn(l1, op0.address(), ROLLUP, Service.MACH)).isTrue();
        assertThat(OperatorRegistry.optedIn(l1, op0.address(), ROLLUP, Service.VITAL)).isFalse();
        assertThat(OperatorRegistry.optedIn(l1, op0.address(), ROLLUP + 1, Service.MACH)).isFalse();
        // the bonds sit in the registry: the ALT it holds and the ETH
        assertThat(Alt.balance(l1, Alt.L1_TOKEN, OperatorRegistry.ADDRESS)).isEqualTo(ALT_BOND.shiftLeft(1));
        assertThat(l1.balance(OperatorRegistry.ADDRESS)).isEqualTo(Wei.of(ETH_BOND.shiftLeft(1)));
        // the Java digest is the contract's
        Hash h = Hash.of(new byte[32]);
        assertThat(view(Abi.call("attestationDigest(uint256,uint256,bytes32,bytes32)", BigInteger.valueOf(ROLLUP), BigInteger.TEN, h.raw(), h.raw())))
                .isEqualTo(Attestation.digest(ROLLUP, 10, h, h));
    }

    private Attestation attest(DevAccounts.Account who, long number, byte fill) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, fill);
        Hash blockHash = Hash.of(b);
        Hash root = Hash.of(new byte[32]);
        return new Attestation(who.address(), ROLLUP, number, blockHash, root, who.signHash(Attestation.digest(ROLLUP, number, blockHash, root)));
    }

    private void slash(Attestation a, Attestation b) {
        DevnetCall.run(l1, L1, devs.get(1), OperatorRegistry.ADDRESS, BigInteger.ZERO, dev.rollupstudio.runtime.security.Restaking.slashCall(a, b), "the slash");
    }

    @Test void twoAttestationsAtOneHeightSlashTheWholeBondOnce() {
        BigInteger treasuryAlt = Alt.balance(l1, Alt.L1_TOKEN, Alt.TREASURY);
        slash(attest(op0, 7, (byte) 1), attest(op0, 7, (byte) 2));
        assertThat(OperatorRegistry.stakeOf(l1, op0.address())).containsExactly(BigInteger.ZERO, BigInteger.ZERO);
        assertThat(OperatorRegistry.optedIn(l1, op0.address(), ROLLUP, Service.MACH)).isFalse();
        assertThat(Alt.balance(l1, Alt.L1_TOKEN, Alt.TREASURY)).isEqualTo(treasuryAlt.add(ALT_BOND));
        assertThat(l1.balance(Alt.TREASURY)).isEqualTo(Wei.of(ETH_BOND));
        assertThat(OperatorRegistry.stakeOf(l1, op1.address())).containsExactly(ALT_BOND, ETH_BOND); // the honest one keeps its bond
        assertThatThrownBy(() -> slash(attest(op0, 7, (byte) 1), attest(op0, 7, (byte) 3))).hasMessageContaining("failed");
    }

    @Test void forgedEvidenceIsRefused() {
        // one block, two signers, or the same block twice: no equivocation
        assertThatThrownBy(() -> slash(attest(op0, 7, (byte) 1), attest(op1, 7, (byte) 2))).hasMessageContaining("failed");
        assertThatThrownBy(() -> slash(attest(op0, 7, (byte) 1), attest(op0, 7, (byte) 1))).hasMessageContaining("failed");
        // a signature over another height does not recover the operator for this one
        Attestation other = attest(op0, 8, (byte) 2);
        assertThatThrownBy(() -> slash(attest(op0, 7, (byte) 1), new Attestation(other.operator(), ROLLUP, 7, other.blockHash(), other.stateRoot(),
                other.signature()))).hasMessageContaining("failed");
        assertThat(OperatorRegistry.stakeOf(l1, op0.address())).containsExactly(ALT_BOND, ETH_BOND);
    }

    @Test void aVitalVerdictIsSlashableOnlyWhenADisputeProvedItsOutputWrong() {
        // the Java verdict digest and the oracle's address are the contract's
        Hash root = Hash.of(new byte[32]);
        assertThat(view(Abi.call("verdictDigest(uint256,uint256,uint256,bytes32,bool)", BigInteger.valueOf(ROLLUP), 3, 90, root.raw(), true)))
                .isEqualTo(dev.rollupstudio.runtime.security.OutputCheck.digest(ROLLUP, 3, 90, root, true));
        assertThat(Abi.address(view(Abi.call("outputOracle(uint256)", BigInteger.valueOf(ROLLUP))), 0))
                .isEqualTo(dev.rollupstudio.runtime.l1.SystemContracts.outputOracle(ROLLUP));
        // a VITAL operator's verdict on an output no dispute proved wrong (here no oracle answers at all) is refused, and so is a MACH operator's
        DevAccounts.Account vital = DevAccounts.vitalOperator(ROLLUP, 0);
        OperatorRegistry.join(l1, L1, vital.address(), ALT_BOND, ETH_BOND, ROLLUP, Service.VITAL);
        for (DevAccounts.Account who : List.of(vital, op0)) {
            var check = new dev.rollupstudio.runtime.security.OutputCheck(who.address(), ROLLUP, 3, 90, root, true,
                    who.signHash(dev.rollupstudio.runtime.security.OutputCheck.digest(ROLLUP, 3, 90, root, true)));
            assertThat(check.verifies()).isTrue();
            byte[] call = Abi.call("slashFalseVerdict(uint256,uint256,uint256,bytes32,bytes)", BigInteger.valueOf(ROLLUP), 3, 90, root.raw(),
                    new Abi.DynamicBytes(dev.rollupstudio.types.Bytes.concat(dev.rollupstudio.chain.Ecdsa.unsigned(check.signature().r(), 32),
                            dev.rollupstudio.chain.Ecdsa.unsigned(check.signature().s(), 32), new byte[] {(byte) (27 + check.signature().recoveryId())})));
            assertThatThrownBy(() -> DevnetCall.run(l1, L1, devs.get(1), OperatorRegistry.ADDRESS, BigInteger.ZERO, call, "the slash")).hasMessageContaining("failed");
        }
        assertThat(OperatorRegistry.stakeOf(l1, vital.address())).containsExactly(ALT_BOND, ETH_BOND);
        // nor is a "wrong" verdict (a false alarm) on an output the oracle does not hold through its finalization period (VitalTest: one it does)
        var alarm = new dev.rollupstudio.runtime.security.OutputCheck(vital.address(), ROLLUP, 3, 90, root, false,
                vital.signHash(dev.rollupstudio.runtime.security.OutputCheck.digest(ROLLUP, 3, 90, root, false)));
        byte[] alarmCall = Abi.call("slashFalseAlarm(uint256,uint256,uint256,bytes32,bytes)", BigInteger.valueOf(ROLLUP), 3, 90, root.raw(),
                new Abi.DynamicBytes(dev.rollupstudio.types.Bytes.concat(dev.rollupstudio.chain.Ecdsa.unsigned(alarm.signature().r(), 32),
                        dev.rollupstudio.chain.Ecdsa.unsigned(alarm.signature().s(), 32), new byte[] {(byte) (27 + alarm.signature().recoveryId())})));
        assertThatThrownBy(() -> DevnetCall.run(l1, L1, devs.get(1), OperatorRegistry.ADDRESS, BigInteger.ZERO, alarmCall, "the slash")).hasMessageContaining("failed");
        assertThat(OperatorRegistry.stakeOf(l1, vital.address())).containsExactly(ALT_BOND, ETH_BOND);
    }

    private void delegate(Address who, Address operator, BigInteger assets) {
        DevnetCall.run(l1, L1, who, Alt.L1_TOKEN, BigInteger.ZERO, Abi.call("approve(address,uint256)", OperatorRegistry.ADDRESS, assets), "approve");
        DevnetCall.run(l1, L1, who, OperatorRegistry.ADDRESS, BigInteger.ZERO, Abi.call("delegate(address,uint256)", operator, assets), "delegate");
    }

    private BigInteger shares(Address who, Address operator) {
        return Abi.uint(view(Abi.call("poolShares(address,address)", operator, who)), 0);
    }

    @Test void delegationsCountInTheOperatorsStakeLeaveAfterTheCooldownAndAreSlashedWithIt() {
        BigInteger alt = BigInteger.TEN.pow(18);
        Address a = devs.get(0);
        Address b = devs.get(1);
        delegate(a, op1.address(), alt.multiply(BigInteger.valueOf(500)));
        delegate(b, op1.address(), alt.multiply(BigInteger.valueOf(1_500)));
        byte[] stake = view(Abi.call("stakeOf(address)", op1.address()));
        assertThat(Abi.uint(stake, 0)).isEqualTo(ALT_BOND.add(alt.multiply(BigInteger.valueOf(2_000))));
        assertThat(OperatorRegistry.stakeOf(l1, op1.address())).containsExactly(Abi.uint(stake, 0), Abi.uint(stake, 1));

        // a leaves: its ALT waits the cooldown, then is paid once
        BigInteger before = Alt.balance(l1, Alt.L1_TOKEN, a);
        DevnetCall.run(l1, L1, 100, a, OperatorRegistry.ADDRESS, BigInteger.ZERO, Abi.call("undelegate(address,uint256)", op1.address(), shares(a, op1.address())), "undelegate");
        assertThat(OperatorRegistry.stakeOf(l1, op1.address())[0]).isEqualTo(ALT_BOND.add(alt.multiply(BigInteger.valueOf(1_500))));
        assertThatThrownBy(() -> DevnetCall.run(l1, L1, 99 + StakedAlt.COOLDOWN_SECONDS, a, OperatorRegistry.ADDRESS, BigInteger.ZERO, Abi.call("claim()"), "claim"))
                .hasMessageContaining("failed");
        DevnetCall.run(l1, L1, 100 + StakedAlt.COOLDOWN_SECONDS, a, OperatorRegistry.ADDRESS, BigInteger.ZERO, Abi.call("claim()"), "claim");
        assertThat(Alt.balance(l1, Alt.L1_TOKEN, a)).isEqualTo(before.add(alt.multiply(BigInteger.valueOf(500))));

        // op1 equivocates: its bond and its pool (b's 1,500 ALT) go to the treasury; b's shares are worth nothing; no one joins the empty pool
        BigInteger treasury = Alt.balance(l1, Alt.L1_TOKEN, Alt.TREASURY);
        slash(attest(op1, 9, (byte) 1), attest(op1, 9, (byte) 2));
        assertThat(Alt.balance(l1, Alt.L1_TOKEN, Alt.TREASURY)).isEqualTo(treasury.add(ALT_BOND).add(alt.multiply(BigInteger.valueOf(1_500))));
        assertThat(OperatorRegistry.stakeOf(l1, op1.address())).containsExactly(BigInteger.ZERO, BigInteger.ZERO);
        assertThat(shares(b, op1.address())).isPositive();
        assertThatThrownBy(() -> delegate(a, op1.address(), alt)).hasMessageContaining("failed");
    }
}
