package dev.rollupstudio.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollupstudio.chain.Eip55;
import dev.rollupstudio.chain.TxType;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.contracts.OperatorRegistry;
import dev.rollupstudio.contracts.StakedAlt;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Amount;
import dev.rollupstudio.types.Amount.Token;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.wallet.RpcClient;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Staking from the wallet, on L1 through its endpoint: stALT (stake, unstake, claim after the
 * cooldown) and delegations to restaked operators, prepared and priced as payments are, and each
 * account's positions read from the contracts and their logs.
 */
public final class WalletStaking {
    static final long STAKE_GAS = 200_000;
    private final WalletService w;

    WalletStaking(WalletService w) {
        this.w = w;
    }

    /** Priced and checked, ready to sign: {@code txs} from {@code from} on L1. */
    private WalletService.Prepared onL1(WalletService.Kind kind, Address from, String what, Amount amount, List<UnsignedTransaction> txs) {
        return w.checked(new WalletService.Prepared(kind, w.l1(), from, what, amount, txs, w.quote(w.l1(), from, txs)));
    }

    /** Stakes ALT on L1 for stALT, the ERC-4626 vault's shares (approving the vault first when needed). */
    public WalletService.Prepared stake(Address from, Amount amount) {
        if (!amount.token().equals(Token.ALT)) throw new IllegalArgumentException("only ALT is staked; give the amount in ALT, e.g. 100ALT");
        w.requireHolding(w.l1(), from, amount, BigInteger.ZERO);
        List<UnsignedTransaction> txs = w.approveThen(from, StakedAlt.ADDRESS, amount.units(), Abi.call("deposit(uint256,address)", amount.units(), from), STAKE_GAS);
        return onL1(WalletService.Kind.STAKE, from, "stake " + amount + " for stALT", amount, txs);
    }

    /**
     * Starts unstaking {@code amount} worth of ALT: the shares that buy it now are burnt and the ALT
     * set aside until the vault's cooldown passes ({@link #claim}).
     */
    public WalletService.Prepared unstake(Address from, Amount amount) {
        if (!amount.token().equals(Token.ALT)) throw new IllegalArgumentException("give the ALT to unstake, e.g. 100ALT");
        BigInteger shares = WalletService.uint(w.l1().rpc().call(from, StakedAlt.ADDRESS, Abi.call("previewWithdraw(uint256)", amount.units())));
        BigInteger held = WalletService.uint(w.l1().rpc().call(from, StakedAlt.ADDRESS, Abi.call("balanceOf(address)", from)));
        if (held.compareTo(shares) < 0) {
            throw new IllegalArgumentException(Eip55.checksum(from) + " has staked " + Amount.of(WalletService.uint(w.l1().rpc().call(from, StakedAlt.ADDRESS,
                    Abi.call("previewRedeem(uint256)", held))), Token.ALT) + ", less than " + amount);
        }
        UnsignedTransaction u = w.tx(w.l1(), from, StakedAlt.ADDRESS, BigInteger.ZERO, Abi.call("requestUnstake(uint256)", shares));
        return onL1(WalletService.Kind.UNSTAKE, from, "unstake " + amount + " (claimable after the cooldown)", Amount.of(BigInteger.ZERO, Token.ALT), List.of(u));
    }

    /**
     * Claims the ALT of every unstake request (stALT vault) and undelegation (operator registry)
     * whose cooldown has passed; refused, saying when the next one can be, if none has.
     */
    public WalletService.Prepared claim(Address from) {
        long now = RpcClient.quantity(w.l1().rpc().call("eth_getBlockByNumber", "latest", false).get("timestamp")).longValueExact();
        long[] vault = cooldowns(w.l1().rpc().call(from, StakedAlt.ADDRESS, Abi.call("requests(address)", from)), now);
        long[] pools = cooldowns(w.l1().rpc().call(from, OperatorRegistry.ADDRESS, Abi.call("exits(address)", from)), now);
        List<UnsignedTransaction> txs = new ArrayList<>();
        if (vault[0] > 0) txs.add(w.tx(w.l1(), from, StakedAlt.ADDRESS, BigInteger.ZERO, Abi.call("claim()")));
        if (pools[0] > 0) {
            UnsignedTransaction u = w.tx(w.l1(), from, OperatorRegistry.ADDRESS, BigInteger.ZERO, Abi.call("claim()"));
            txs.add(txs.isEmpty() ? u : new UnsignedTransaction(TxType.DYNAMIC_FEE, w.l1().chainId(), txs.get(0).nonce() + 1, u.maxPriorityFeePerGas(),
                    u.maxFeePerGas(), u.gasLimit(), u.to(), BigInteger.ZERO, u.data(), List.of()));
        }
        if (txs.isEmpty()) {
            long next = Math.min(vault[1], pools[1]);
            throw new IllegalArgumentException(next == Long.MAX_VALUE
                    ? Eip55.checksum(from) + " has nothing unstaking or undelegating to claim; start with `wallet unstake` or `wallet undelegate`"
                    : "nothing to claim yet: the next is claimable in " + span(next - now) + " (the cooldown is " + StakedAlt.COOLDOWN_SECONDS / 86_400 + " days)");
        }
        return onL1(WalletService.Kind.CLAIM, from, "claim unstaked and undelegated ALT", Amount.of(BigInteger.ZERO, Token.ALT), txs);
    }

    /** From an ABI-encoded array of (assets, claimableAt): how many are claimable at {@code now}, and when the next other one is. */
    private static long[] cooldowns(byte[] entries, long now) {
        long ready = 0;
        long next = Long.MAX_VALUE;
        for (int i = 0, n = Abi.uint(entries, 1).intValueExact(); i < n; i++) {
            if (Abi.uint(entries, 2 + 2 * i).signum() == 0) continue;
            long at = Abi.uint(entries, 3 + 2 * i).longValueExact();
            if (at <= now) ready++; else next = Math.min(next, at);
        }
        return new long[] {ready, next};
    }

    /** Delegates ALT to {@code operator}'s pool in the L1 registry (approving it first when needed): its stake grows, and so does what a slash takes. */
    public WalletService.Prepared delegate(Address from, Address operator, Amount amount) {
        if (!amount.token().equals(Token.ALT)) throw new IllegalArgumentException("only ALT is delegated; give the amount in ALT");
        if (Abi.uint(w.l1().rpc().call(from, OperatorRegistry.ADDRESS, Abi.call("bonds(address)", operator)), 2).signum() == 0) { // (alt, eth, registered)
            throw new IllegalArgumentException(Eip55.checksum(operator) + " is not a registered operator; `rollup-studio run --report` lists MACH's");
        }
        w.requireHolding(w.l1(), from, amount, BigInteger.ZERO);
        List<UnsignedTransaction> txs = w.approveThen(from, OperatorRegistry.ADDRESS, amount.units(), Abi.call("delegate(address,uint256)", operator, amount.units()),
                STAKE_GAS);
        return onL1(WalletService.Kind.DELEGATE, from, "delegate " + amount + " to operator " + Eip55.checksum(operator), amount, txs);
    }

    /** Leaves {@code operator}'s pool with {@code amount} worth of ALT at its price now, claimable after the cooldown. */
    public WalletService.Prepared undelegate(Address from, Address operator, Amount amount) {
        byte[] pool = w.l1().rpc().call(from, OperatorRegistry.ADDRESS, Abi.call("pools(address)", operator));
        BigInteger assets = Abi.uint(pool, 0);
        BigInteger total = Abi.uint(pool, 1);
        BigInteger held = WalletService.uint(w.l1().rpc().call(from, OperatorRegistry.ADDRESS, Abi.call("poolShares(address,address)", operator, from)));
        BigInteger worth = total.signum() == 0 ? BigInteger.ZERO : held.multiply(assets).divide(total);
        if (worth.compareTo(amount.units()) < 0) {
            throw new IllegalArgumentException(Eip55.checksum(from) + " has " + Amount.of(worth, Token.ALT) + " delegated to " + Eip55.checksum(operator)
                    + ", less than " + amount);
        }
        BigInteger shares = amount.units().equals(worth) ? held : amount.units().multiply(total).add(assets).subtract(BigInteger.ONE).divide(assets);
        UnsignedTransaction u = w.tx(w.l1(), from, OperatorRegistry.ADDRESS, BigInteger.ZERO, Abi.call("undelegate(address,uint256)", operator, shares.min(held)));
        return onL1(WalletService.Kind.UNDELEGATE, from, "undelegate " + amount + " from operator " + Eip55.checksum(operator)
                + " (claimable after the cooldown)", Amount.of(BigInteger.ZERO, Token.ALT), List.of(u));
    }

    /**
     * One line of an account's staking: the stALT vault, or its delegation to one operator; what it
     * is worth in ALT now, the ALT waiting in a cooldown there, what it has earned or lost, and a word
     * on its state (shares held, or when and how much an operator was slashed).
     */
    public record Position(String where, BigInteger worth, BigInteger cooling, BigInteger earned, String status) {}

    /** The account's positions: the vault (when it ever staked) and each operator it ever delegated to, from the L1's logs. */
    public List<Position> positions(Address who) {
        List<Position> out = new ArrayList<>();
        long now = RpcClient.quantity(w.l1().rpc().call("eth_getBlockByNumber", "latest", false).get("timestamp")).longValueExact();
        BigInteger deposited = sum(w.l1Logs(StakedAlt.ADDRESS, "Deposit(address,address,uint256,uint256)", null, who), 0);
        if (deposited.signum() > 0) {
            Stake s = stakeOf(who);
            BigInteger requested = sum(w.l1Logs(StakedAlt.ADDRESS, "UnstakeRequested(address,uint256,uint256,uint256,uint256)", who, null), 1);
            long[] c = cooldowns(w.l1().rpc().call(who, StakedAlt.ADDRESS, Abi.call("requests(address)", who)), now);
            out.add(new Position("stALT vault", s.worth(), s.cooling(), s.worth().add(requested).subtract(deposited),
                    Amount.of(s.shares(), Token.ALT).display().replace("ALT", "stALT") + waitText(c, now)));
        }
        java.util.Map<Address, BigInteger> delegatedTo = new java.util.LinkedHashMap<>();
        for (JsonNode log : w.l1Logs(OperatorRegistry.ADDRESS, "Delegated(address,address,uint256,uint256)", who, null)) {
            Address op = topicAddress(log, 2);
            delegatedTo.merge(op, Abi.uint(dataOf(log), 0), BigInteger::add);
        }
        for (var e : delegatedTo.entrySet()) {
            byte[] pool = w.l1().rpc().call(who, OperatorRegistry.ADDRESS, Abi.call("pools(address)", e.getKey()));
            BigInteger held = WalletService.uint(w.l1().rpc().call(who, OperatorRegistry.ADDRESS, Abi.call("poolShares(address,address)", e.getKey(), who)));
            BigInteger total = Abi.uint(pool, 1);
            BigInteger worth = total.signum() == 0 ? BigInteger.ZERO : held.multiply(Abi.uint(pool, 0)).divide(total);
            BigInteger left = sum(w.l1Logs(OperatorRegistry.ADDRESS, "Undelegated(address,address,uint256,uint256,uint256)", who, e.getKey()), 0);
            List<JsonNode> slashed = w.l1Logs(OperatorRegistry.ADDRESS, "Slashed(address,uint256,uint256,uint256,uint256,address)", e.getKey(), null);
            String status = slashed.isEmpty() ? "active"
                    : "slashed in L1 block " + RpcClient.quantity(slashed.get(0).get("blockNumber")) + ": its bond and pool went to the treasury";
            String id = Eip55.checksum(e.getKey());
            out.add(new Position("operator " + id.substring(0, 6) + "…" + id.substring(38), worth, BigInteger.ZERO, worth.add(left).subtract(e.getValue()), status));
        }
        byte[] xs = w.l1().rpc().call(who, OperatorRegistry.ADDRESS, Abi.call("exits(address)", who));
        BigInteger exiting = BigInteger.ZERO;
        for (int i = 0, n = Abi.uint(xs, 1).intValueExact(); i < n; i++) exiting = exiting.add(Abi.uint(xs, 2 + 2 * i));
        if (exiting.signum() > 0) out.add(new Position("undelegated", BigInteger.ZERO, exiting, BigInteger.ZERO, "in the cooldown" + waitText(cooldowns(xs, now), now)));
        return out;
    }

    private static String waitText(long[] cooldowns, long now) {
        if (cooldowns[0] > 0) return "; claimable now (wallet claim)";
        return cooldowns[1] == Long.MAX_VALUE ? "" : "; claim in " + span(cooldowns[1] - now);
    }

    /** A wait as people say it: "6 d 23 h", "5 h 12 min", "40 s". */
    static String span(long seconds) {
        if (seconds >= 86_400) return seconds / 86_400 + " d " + seconds % 86_400 / 3_600 + " h";
        if (seconds >= 3_600) return seconds / 3_600 + " h " + seconds % 3_600 / 60 + " min";
        if (seconds >= 60) return seconds / 60 + " min";
        return seconds + " s";
    }

    private static BigInteger sum(List<JsonNode> logs, int word) {
        BigInteger s = BigInteger.ZERO;
        for (JsonNode l : logs) s = s.add(Abi.uint(dataOf(l), word));
        return s;
    }

    private static byte[] dataOf(JsonNode log) {
        return Bytes.fromHex(log.get("data").asText());
    }

    private static Address topicAddress(JsonNode log, int i) {
        byte[] t = Bytes.fromHex(log.get("topics").get(i).asText());
        return Address.of(java.util.Arrays.copyOfRange(t, 12, 32));
    }

    /** An account's stake: its stALT, what they are worth in ALT now, and the ALT waiting in the cooldown. */
    public record Stake(BigInteger shares, BigInteger worth, BigInteger cooling) {}

    public Stake stakeOf(Address who) {
        BigInteger shares = WalletService.uint(w.l1().rpc().call(who, StakedAlt.ADDRESS, Abi.call("balanceOf(address)", who)));
        BigInteger worth = WalletService.uint(w.l1().rpc().call(who, StakedAlt.ADDRESS, Abi.call("previewRedeem(uint256)", shares)));
        byte[] reqs = w.l1().rpc().call(who, StakedAlt.ADDRESS, Abi.call("requests(address)", who));
        BigInteger cooling = BigInteger.ZERO;
        int n = Abi.uint(reqs, 1).intValueExact(); // (offset, length, then (assets, claimableAt) pairs)
        for (int i = 0; i < n; i++) cooling = cooling.add(Abi.uint(reqs, 2 + 2 * i));
        return new Stake(shares, worth, cooling);
    }
}
