package dev.rollupstudio.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.state.TrieWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.wallet.DevAccounts;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * stALT on an L1 state, run by our EVM: staking mints shares 1:1 at first; ALT paid in as rewards
 * raises every share's worth; unstaking burns shares at that worth and sets the ALT aside, which
 * stops earning and can be claimed only after the 7-day cooldown; ALT is conserved throughout.
 */
class StakedAltTest {
    private static final long L1 = 900;
    private static final BigInteger ALT = BigInteger.TEN.pow(18);
    private final List<Address> devs = DevAccounts.derive(2).addresses();
    private final TrieWorldState l1 = new TrieWorldState();
    private final Address alice = devs.get(0);
    private final Address bob = devs.get(1);

    StakedAltTest() {
        Alt.deployOnL1(l1, L1, 0, devs);
        StakedAlt.deployOnL1(l1, L1, 0);
    }

    private byte[] call(long at, Address from, Address to, byte[] data) {
        return DevnetCall.run(l1, L1, at, from, to, BigInteger.ZERO, data, "the call");
    }

    private void stake(Address who, BigInteger amount) {
        call(0, who, Alt.L1_TOKEN, Abi.call("approve(address,uint256)", StakedAlt.ADDRESS, amount));
        call(0, who, StakedAlt.ADDRESS, Abi.call("deposit(uint256,address)", amount, who));
    }

    private BigInteger view(Address who, byte[] data) {
        return Abi.uint(call(0, who, StakedAlt.ADDRESS, data), 0);
    }

    @Test void rewardsRaiseTheSharesWorthAndUnstakingWaitsTheCooldown() {
        BigInteger supply = Alt.totalSupply(l1, Alt.L1_TOKEN);
        stake(alice, ALT.multiply(BigInteger.valueOf(1_000)));
        stake(bob, ALT.multiply(BigInteger.valueOf(3_000)));
        assertThat(view(alice, Abi.call("balanceOf(address)", alice))).isEqualTo(ALT.multiply(BigInteger.valueOf(1_000)));
        // 400 ALT of rewards paid in: 10% more for every share
        Alt.devnetTransfer(l1, L1, Alt.STAKING_RESERVE, StakedAlt.ADDRESS, ALT.multiply(BigInteger.valueOf(400)));
        BigInteger aliceShares = view(alice, Abi.call("balanceOf(address)", alice));
        assertThat(view(alice, Abi.call("previewRedeem(uint256)", aliceShares))).isEqualTo(ALT.multiply(BigInteger.valueOf(1_100)).subtract(BigInteger.ONE));
        // instant exits are closed
        assertThat(view(alice, Abi.call("maxRedeem(address)", alice))).isZero();
        assertThatThrownBy(() -> call(0, alice, StakedAlt.ADDRESS, Abi.call("redeem(uint256,address,address)", aliceShares, alice, alice)))
                .hasMessageContaining("failed");

        BigInteger before = Alt.balance(l1, Alt.L1_TOKEN, alice);
        call(1_000, alice, StakedAlt.ADDRESS, Abi.call("requestUnstake(uint256)", aliceShares));
        BigInteger set = view(alice, Abi.call("pendingAssets()"));
        assertThat(set).isEqualTo(ALT.multiply(BigInteger.valueOf(1_100)).subtract(BigInteger.ONE));
        // more rewards go to those still staked only
        Alt.devnetTransfer(l1, L1, Alt.STAKING_RESERVE, StakedAlt.ADDRESS, ALT.multiply(BigInteger.valueOf(330)));
        assertThat(view(bob, Abi.call("totalAssets()"))).isEqualTo(ALT.multiply(BigInteger.valueOf(3_300 + 330)).add(BigInteger.ONE));
        // a day before the cooldown ends: nothing to claim; after it: the ALT set aside, no more
        assertThatThrownBy(() -> call(1_000 + StakedAlt.COOLDOWN_SECONDS - 86_400, alice, StakedAlt.ADDRESS, Abi.call("claim()"))).hasMessageContaining("failed");
        call(1_000 + StakedAlt.COOLDOWN_SECONDS, alice, StakedAlt.ADDRESS, Abi.call("claim()"));
        assertThat(Alt.balance(l1, Alt.L1_TOKEN, alice)).isEqualTo(before.add(set));
        assertThat(view(alice, Abi.call("pendingAssets()"))).isZero();
        assertThatThrownBy(() -> call(2_000_000, alice, StakedAlt.ADDRESS, Abi.call("claim()"))).hasMessageContaining("failed"); // once
        assertThat(Alt.totalSupply(l1, Alt.L1_TOKEN)).isEqualTo(supply); // ALT only moved
    }

    @Test void theDevnetPaysTheVaultItsEmissionAndHalfTheRaasFeesEachL1EpochWhileAnyoneStakes() {
        var rt = dev.rollupstudio.runtime.RollupRuntime.inMemory(dev.rollupstudio.runtime.RuntimeOptions.defaults());
        var state = rt.l1().state();
        long epochMillis = rt.options().l1().slotMillis() * rt.options().l1().slotsPerEpoch();
        rt.runFor(epochMillis); // no stake yet: nothing paid
        assertThat(Alt.balance(state, Alt.L1_TOKEN, StakedAlt.ADDRESS)).isZero();
        Address staker = rt.accounts().address(3);
        BigInteger amount = ALT.multiply(BigInteger.valueOf(5_000));
        DevnetCall.run(state, 900, staker, Alt.L1_TOKEN, BigInteger.ZERO, Abi.call("approve(address,uint256)", StakedAlt.ADDRESS, amount), "approve");
        DevnetCall.run(state, 900, staker, StakedAlt.ADDRESS, BigInteger.ZERO, Abi.call("deposit(uint256,address)", amount, staker), "stake");
        BigInteger reserve = Alt.balance(state, Alt.L1_TOKEN, Alt.STAKING_RESERVE);
        BigInteger treasury = Alt.balance(state, Alt.L1_TOKEN, Alt.TREASURY);
        // a builder pays a 1,000 ALT launch fee to the treasury in a real L1 transaction: half goes to the stakers at the epoch's end
        BigInteger fee = ALT.multiply(BigInteger.valueOf(1_000));
        var u = new dev.rollupstudio.chain.UnsignedTransaction(dev.rollupstudio.chain.TxType.DYNAMIC_FEE, 900, rt.l1().pendingNonce(rt.accounts().address(4)),
                BigInteger.ONE, rt.l1().baseFee().shiftLeft(1).add(BigInteger.ONE), 200_000, Alt.L1_TOKEN, BigInteger.ZERO,
                Abi.call("transfer(address,uint256)", Alt.TREASURY, fee), java.util.List.of());
        assertThat(rt.l1().submit(dev.rollupstudio.chain.TxEncoder.sign(u, rt.accounts().key(4)))).isNull();
        rt.runFor(2 * epochMillis);
        BigInteger share = fee.multiply(BigInteger.valueOf(StakedAlt.FEE_SHARE_PCT)).divide(BigInteger.valueOf(100));
        assertThat(share).isEqualTo(ALT.multiply(BigInteger.valueOf(500)));
        assertThat(Alt.balance(state, Alt.L1_TOKEN, StakedAlt.ADDRESS)).isEqualTo(amount.add(StakedAlt.EPOCH_EMISSION.shiftLeft(1)).add(share));
        assertThat(Alt.balance(state, Alt.L1_TOKEN, Alt.STAKING_RESERVE)).isEqualTo(reserve.subtract(StakedAlt.EPOCH_EMISSION.shiftLeft(1)));
        assertThat(Alt.balance(state, Alt.L1_TOKEN, Alt.TREASURY)).isEqualTo(treasury.add(fee).subtract(share));
        assertThat(Alt.totalSupply(state, Alt.L1_TOKEN)).isEqualTo(Alt.SUPPLY);
        rt.close();
    }
}
