package dev.rollupstudio.app;

import dev.rollupstudio.types.Bytes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rollupstudio.chain.Eip55;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.TxType;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.contracts.Alt;
import dev.rollupstudio.contracts.OperatorRegistry;
import dev.rollupstudio.contracts.StakedAlt;
import dev.rollupstudio.contracts.StandardBridge;
import dev.rollupstudio.runtime.rollup.L1Fee;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Amount;
import dev.rollupstudio.types.Amount.Token;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.wallet.RpcClient;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import dev.rollupstudio.wallet.UnlockedAccount;

/**
 * What the wallet does on a running devnet, through each chain's JSON-RPC endpoint only (as an
 * external wallet would): balances of ETH and ALT, payments with a fee preview split into the L2
 * execution fee and the L1 data fee, deposits to and withdrawals from a rollup, and a history of
 * what it sent with each transaction's status. Everything is checked before anything is signed:
 * a payment that cannot succeed says why and sends nothing.
 */
public final class WalletService {
    /** Gas the second step of an ALT deposit (depositERC20, after approve) is given: it cannot be estimated before the approval lands. */
    static final long DEPOSIT_ERC20_GAS = 400_000;
    static final long STAKE_GAS = 200_000;
    private static final UnlockedAccount PREVIEW = UnlockedAccount.preview();

    private final WalletChain l1;
    private final List<WalletChain> rollups;
    private final List<Sent> history = new CopyOnWriteArrayList<>();

    public WalletService(WalletChain l1, List<WalletChain> rollups) {
        this.l1 = l1;
        this.rollups = List.copyOf(rollups);
    }

    /** Connects to an L1 endpoint and its rollups' endpoints. */
    public static WalletService connect(String l1Url, List<String> rollupUrls) {
        WalletChain l1 = WalletChain.at(l1Url);
        if (l1.isRollup()) throw new IllegalArgumentException(l1Url + " serves rollup " + l1.chainId() + ", not the L1");
        List<WalletChain> rs = new ArrayList<>();
        for (String u : rollupUrls) {
            WalletChain r = WalletChain.at(u);
            if (!r.isRollup()) throw new IllegalArgumentException(u + " serves chain " + r.chainId() + ", which is not a rollup");
            rs.add(r);
        }
        return new WalletService(l1, rs);
    }

    public WalletChain l1() { return l1; }
    public List<WalletChain> rollups() { return rollups; }

    public List<WalletChain> chains() {
        List<WalletChain> out = new ArrayList<>(List.of(l1));
        out.addAll(rollups);
        return out;
    }

    /** The chain with this id, or why there is none. */
    public WalletChain chain(long chainId) {
        return chains().stream().filter(c -> c.chainId() == chainId).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no chain " + chainId + " here; the devnet serves " + chains().stream().map(c -> Long.toString(c.chainId())).toList()));
    }

    /**
     * An account's native coin (ETH, or ALT on a rollup whose gas token it is) and its ALT token
     * (the ERC-20: ALT on L1, bridged ALT on a rollup) on one chain.
     */
    public record Balance(WalletChain chain, Amount coin, Amount alt) {
        /** What the account holds of {@code token} here: the native coin if it is that, else the ALT token. */
        public Amount of(Token token) {
            return token.equals(coin.token()) ? coin : alt;
        }
    }

    public List<Balance> balances(Address who) {
        return chains().stream().map(c -> new Balance(c, Amount.of(c.rpc().balance(who), c.nativeToken()), Amount.of(altOf(c, who), Token.ALT))).toList();
    }

    /** What sending will cost, in the fee currency: the L2 execution fee (gas at the base fee plus tip) and, on a rollup, the L1 data fee. */
    public record Quote(long gas, BigInteger maxFeePerGas, Amount executionFee, Amount l1DataFee) {
        public Amount total() {
            return Amount.of(executionFee.units().add(l1DataFee.units()), executionFee.token());
        }

        /** The most it can cost: all its gas at the fee cap, and the L1 data fee. */
        public BigInteger maxUnits() {
            return BigInteger.valueOf(gas).multiply(maxFeePerGas).add(l1DataFee.units());
        }
    }

    /** What a payment is, for the history. */
    public enum Kind { SEND, DEPOSIT, WITHDRAWAL, RAAS_FEE, STAKE, UNSTAKE, CLAIM, DELEGATE, UNDELEGATE }

    /** Transactions ready to sign, in order, with what they do and cost. */
    public record Prepared(Kind kind, WalletChain chain, Address from, String what, Amount amount, List<UnsignedTransaction> txs, Quote quote) {}

    /** A payment of {@code amount} (the native coin, or the ALT token) to {@code to} on {@code chain}. */
    public Prepared transfer(Address from, Address to, Amount amount, WalletChain chain) {
        boolean coin = isNative(chain, amount);
        requireHolding(chain, from, amount, BigInteger.ZERO);
        UnsignedTransaction u = coin ? tx(chain, from, to, amount.units(), new byte[0])
                : tx(chain, from, chain.alt(), BigInteger.ZERO, Abi.call("transfer(address,uint256)", to, amount.units()));
        return checked(new Prepared(Kind.SEND, chain, from, "send " + amount + " to " + Eip55.checksum(to) + " on " + chain.name(), amount, List.of(u), quote(chain, from, List.of(u))));
    }

    /**
     * The Rollup-as-a-Service fee for launching {@code stack}: an ALT transfer on L1 from
     * {@code from} to the RaaS treasury. Refused, with what is missing, if the account cannot pay.
     */
    public Prepared launchFee(Address from, Amount fee, String stack) {
        Prepared p = transfer(from, Alt.TREASURY, fee, l1);
        return new Prepared(Kind.RAAS_FEE, l1, from, "RaaS fee: launch " + stack + " (" + fee + " to the treasury)", fee, p.txs(), p.quote());
    }

    /**
     * A deposit from the L1 to {@code rollup}: its native coin through its portal (ETH sent, or,
     * where ALT is the native coin, ALT approved and pulled by depositERC20Transaction), the ALT
     * token otherwise through its standard bridge (approve, then depositERC20).
     */
    public Prepared deposit(Address from, Amount amount, WalletChain rollup) {
        requireRollup(rollup);
        isNative(rollup, amount); // ETH to a rollup whose coin is ALT: refused with the reason
        requireHolding(l1, from, amount, BigInteger.ZERO);
        List<UnsignedTransaction> txs = new ArrayList<>();
        if (amount.token().equals(Token.ETH)) {
            txs.add(tx(l1, from, rollup.rollup().portal(), amount.units(), new byte[0]));
        } else {
            boolean coin = rollup.altIsNative();
            Address bridge = coin ? rollup.rollup().portal() : rollup.l1Bridge();
            byte[] call = coin ? Abi.call("depositERC20Transaction(address,uint256,uint256,uint64,bool,bytes)", from, amount.units(), amount.units(),
                    100_000L, false, new Abi.DynamicBytes(new byte[0]))
                    : Abi.call("depositERC20(address,address,uint256,uint32,bytes)", Alt.L1_TOKEN, Alt.L2_TOKEN, amount.units(), 0, new Abi.DynamicBytes(new byte[0]));
            txs.addAll(approveThen(from, bridge, amount.units(), call, DEPOSIT_ERC20_GAS));
        }
        return checked(new Prepared(Kind.DEPOSIT, l1, from, "deposit " + amount + " to " + rollup.name(), amount, txs, quote(l1, from, txs)));
    }

    /** A withdrawal from {@code rollup} to the same account on L1: the native coin to the message passer, the ALT token through the L2 standard bridge. */
    public Prepared withdraw(Address from, Amount amount, WalletChain rollup) {
        requireRollup(rollup);
        requireHolding(rollup, from, amount, BigInteger.ZERO);
        UnsignedTransaction u = isNative(rollup, amount) ? tx(rollup, from, StandardBridge.MESSAGE_PASSER, amount.units(), new byte[0])
                : tx(rollup, from, StandardBridge.L2_BRIDGE, BigInteger.ZERO, Abi.call("withdraw(address,uint256,uint32,bytes)", Alt.L2_TOKEN, amount.units(), 0,
                        new Abi.DynamicBytes(new byte[0])));
        return checked(new Prepared(Kind.WITHDRAWAL, rollup, from, "withdraw " + amount + " from " + rollup.name() + " to L1", amount, List.of(u), quote(rollup, from, List.of(u))));
    }

    /** Signs and sends each transaction with eth_sendRawTransaction; the history records them. */
    public List<Hash> send(Prepared p, UnlockedAccount account) {
        if (!account.address().equals(p.from())) throw new IllegalArgumentException("the unlocked account is not " + Eip55.checksum(p.from()));
        List<Hash> out = new ArrayList<>();
        for (UnsignedTransaction u : p.txs()) {
            Transaction t = account.sign(u);
            Hash h = p.chain().rpc().sendRaw(t.encoded());
            history.add(0, new Sent(p.kind(), h, p.chain(), p.from(), p.what(), p.amount()));
            out.add(h);
        }
        return out;
    }

    /** What the wallet sent, newest first. */
    public List<Sent> history() {
        return List.copyOf(history);
    }

    /** A payment to the RaaS treasury, as the L1 records it. */
    public record FeePaid(Hash hash, long l1Block, Amount amount) {}

    /**
     * Every launch fee {@code who} has paid, newest first, read from the chain itself (ALT
     * Transfer logs to the treasury, by eth_getLogs): so the fee history survives a restart of
     * the studio and includes what another wallet paid from the same account.
     */
    public List<FeePaid> feesPaid(Address who) {
        com.fasterxml.jackson.databind.node.ObjectNode filter = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        filter.put("fromBlock", "0x0");
        filter.put("toBlock", "latest");
        filter.put("address", Alt.L1_TOKEN.toHex());
        var topics = filter.putArray("topics");
        topics.add(TRANSFER.toHex());
        topics.add(Hash.of(Abi.word(new BigInteger(1, who.raw()))).toHex());
        topics.add(Hash.of(Abi.word(new BigInteger(1, Alt.TREASURY.raw()))).toHex());
        List<FeePaid> out = new ArrayList<>();
        for (JsonNode log : l1.rpc().call("eth_getLogs", filter)) {
            out.add(0, new FeePaid(Hash.fromHex(log.get("transactionHash").asText()), Long.decode(log.get("blockNumber").asText()),
                    Amount.of(RpcClient.quantity(log.get("data")), Token.ALT)));
        }
        return out;
    }

    private static final Hash TRANSFER = dev.rollupstudio.chain.Keccak.hash("Transfer(address,address,uint256)".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    /** Where a sent transaction has got to. */
    public enum Status { PENDING, INCLUDED, SAFE, FINALIZED, FAILED }

    public record Sent(Kind kind, Hash hash, WalletChain chain, Address from, String what, Amount amount) {}

    /** The transaction's status now, and its block (-1 while pending). */
    public record Progress(Status status, long block, Amount l1Fee) {}

    public Progress progress(Sent s) {
        JsonNode r = s.chain().rpc().receipt(s.hash());
        if (r == null) return new Progress(Status.PENDING, -1, null);
        long block = Long.decode(r.get("blockNumber").asText());
        Amount l1Fee = r.has("l1Fee") ? Amount.of(new BigInteger(r.get("l1Fee").asText().substring(2), 16), s.chain().nativeToken()) : null;
        if (!"0x1".equals(r.path("status").asText())) return new Progress(Status.FAILED, block, l1Fee);
        Status st = block <= s.chain().rpc().blockNumber("finalized") ? Status.FINALIZED
                : block <= s.chain().rpc().blockNumber("safe") ? Status.SAFE : Status.INCLUDED;
        return new Progress(st, block, l1Fee);
    }

    /**
     * How far a withdrawal has got on L1: started (its MessagePassed log), covered by an output,
     * proven, the challenge window counting down, finalized. Null if {@code s} started none.
     */
    public record WithdrawalSteps(Hash withdrawal, long l2Block, boolean outputProposed, long provenAt, long windowSeconds, long secondsLeft, boolean finalized) {
        public String step() {
            if (finalized) return "finalized";
            if (provenAt > 0) return secondsLeft > 0 ? "proven; challenge window: " + secondsLeft + " s left" : "proven; finalizing";
            return outputProposed ? "output proposed; proving" : "initiated; waiting for an output";
        }
    }

    public WithdrawalSteps withdrawalSteps(Sent s) {
        if (!s.chain().isRollup()) return null;
        JsonNode r = s.chain().rpc().receipt(s.hash());
        if (r == null) return null;
        Hash hash = null;
        for (JsonNode log : r.path("logs")) {
            if (Address.fromHex(log.get("address").asText()).equals(StandardBridge.MESSAGE_PASSER) && log.get("topics").size() == 4) {
                hash = Hash.of(Abi.wordAt(dev.rollupstudio.types.Bytes.fromHex(log.get("data").asText()), 3));
            }
        }
        if (hash == null) return null;
        long block = Long.decode(r.get("blockNumber").asText());
        WalletChain.Rollup c = s.chain().rollup();
        Address me = Address.ZERO;
        BigInteger latestOutput = uint(l1.rpc().call(me, c.outputOracle(), Abi.call("latestBlockNumber()")));
        long window = uint(l1.rpc().call(me, c.outputOracle(), Abi.call("FINALIZATION_PERIOD_SECONDS()"))).longValueExact();
        byte[] proven = l1.rpc().call(me, c.portal(), Abi.call("provenWithdrawals(bytes32)", hash.raw()));
        long provenAt = Abi.uint(proven, 1).longValueExact();
        boolean finalized = uint(l1.rpc().call(me, c.portal(), Abi.call("finalizedWithdrawals(bytes32)", hash.raw()))).signum() != 0;
        long now = Long.decode(l1.rpc().call("eth_getBlockByNumber", "latest", false).get("timestamp").asText());
        long left = provenAt == 0 ? window : Math.max(0, provenAt + window - now);
        return new WithdrawalSteps(hash, block, latestOutput.longValueExact() >= block, provenAt, window, left, finalized);
    }

    /**
     * ALT on L1 approved for {@code spender} when it cannot pull {@code units} yet, then {@code call}
     * to it: the second transaction's gas is fixed, as it cannot be estimated before the approval lands.
     */
    private List<UnsignedTransaction> approveThen(Address from, Address spender, BigInteger units, byte[] call, long gasAfterApproval) {
        BigInteger allowance = new BigInteger(1, l1.rpc().call(from, Alt.L1_TOKEN, Abi.call("allowance(address,address)", from, spender)));
        if (allowance.compareTo(units) >= 0) return List.of(tx(l1, from, spender, BigInteger.ZERO, call));
        UnsignedTransaction approve = tx(l1, from, Alt.L1_TOKEN, BigInteger.ZERO, Abi.call("approve(address,uint256)", spender, units));
        return List.of(approve, new UnsignedTransaction(TxType.DYNAMIC_FEE, l1.chainId(), approve.nonce() + 1, approve.maxPriorityFeePerGas(),
                approve.maxFeePerGas(), gasAfterApproval, spender, BigInteger.ZERO, call, List.of()));
    }

    /** Stakes ALT on L1 for stALT, the ERC-4626 vault's shares (approving the vault first when needed). */
    public Prepared stake(Address from, Amount amount) {
        if (!amount.token().equals(Token.ALT)) throw new IllegalArgumentException("only ALT is staked; give the amount in ALT, e.g. 100ALT");
        requireHolding(l1, from, amount, BigInteger.ZERO);
        List<UnsignedTransaction> txs = approveThen(from, StakedAlt.ADDRESS, amount.units(), Abi.call("deposit(uint256,address)", amount.units(), from), STAKE_GAS);
        return checked(new Prepared(Kind.STAKE, l1, from, "stake " + amount + " for stALT", amount, txs, quote(l1, from, txs)));
    }

    /**
     * Starts unstaking {@code amount} worth of ALT: the shares that buy it now are burnt and the ALT
     * set aside until the vault's cooldown passes ({@link #claim}).
     */
    public Prepared unstake(Address from, Amount amount) {
        if (!amount.token().equals(Token.ALT)) throw new IllegalArgumentException("give the ALT to unstake, e.g. 100ALT");
        BigInteger shares = uint(l1.rpc().call(from, StakedAlt.ADDRESS, Abi.call("previewWithdraw(uint256)", amount.units())));
        BigInteger held = uint(l1.rpc().call(from, StakedAlt.ADDRESS, Abi.call("balanceOf(address)", from)));
        if (held.compareTo(shares) < 0) {
            throw new IllegalArgumentException(Eip55.checksum(from) + " has staked " + Amount.of(uint(l1.rpc().call(from, StakedAlt.ADDRESS,
                    Abi.call("previewRedeem(uint256)", held))), Token.ALT) + ", less than " + amount);
        }
        UnsignedTransaction u = tx(l1, from, StakedAlt.ADDRESS, BigInteger.ZERO, Abi.call("requestUnstake(uint256)", shares));
        return checked(new Prepared(Kind.UNSTAKE, l1, from, "unstake " + amount + " (claimable after the cooldown)", Amount.of(BigInteger.ZERO, Token.ALT),
                List.of(u), quote(l1, from, List.of(u))));
    }

    /**
     * Claims the ALT of every unstake request (stALT vault) and undelegation (operator registry)
     * whose cooldown has passed; refused, saying when the next one can be, if none has.
     */
    public Prepared claim(Address from) {
        long now = RpcClient.quantity(l1.rpc().call("eth_getBlockByNumber", "latest", false).get("timestamp")).longValueExact();
        long[] vault = cooldowns(l1.rpc().call(from, StakedAlt.ADDRESS, Abi.call("requests(address)", from)), now);
        long[] pools = cooldowns(l1.rpc().call(from, OperatorRegistry.ADDRESS, Abi.call("exits(address)", from)), now);
        List<UnsignedTransaction> txs = new ArrayList<>();
        if (vault[0] > 0) txs.add(tx(l1, from, StakedAlt.ADDRESS, BigInteger.ZERO, Abi.call("claim()")));
        if (pools[0] > 0) {
            UnsignedTransaction u = tx(l1, from, OperatorRegistry.ADDRESS, BigInteger.ZERO, Abi.call("claim()"));
            txs.add(txs.isEmpty() ? u : new UnsignedTransaction(TxType.DYNAMIC_FEE, l1.chainId(), txs.get(0).nonce() + 1, u.maxPriorityFeePerGas(),
                    u.maxFeePerGas(), u.gasLimit(), u.to(), BigInteger.ZERO, u.data(), List.of()));
        }
        if (txs.isEmpty()) {
            long next = Math.min(vault[1], pools[1]);
            throw new IllegalArgumentException(next == Long.MAX_VALUE
                    ? Eip55.checksum(from) + " has nothing unstaking or undelegating to claim; start with `wallet unstake` or `wallet undelegate`"
                    : "nothing to claim yet: the next is claimable in " + span(next - now) + " (the cooldown is " + StakedAlt.COOLDOWN_SECONDS / 86_400 + " days)");
        }
        return checked(new Prepared(Kind.CLAIM, l1, from, "claim unstaked and undelegated ALT", Amount.of(BigInteger.ZERO, Token.ALT), txs, quote(l1, from, txs)));
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
    public Prepared delegate(Address from, Address operator, Amount amount) {
        if (!amount.token().equals(Token.ALT)) throw new IllegalArgumentException("only ALT is delegated; give the amount in ALT");
        if (Abi.uint(l1.rpc().call(from, OperatorRegistry.ADDRESS, Abi.call("bonds(address)", operator)), 2).signum() == 0) { // (alt, eth, registered)
            throw new IllegalArgumentException(Eip55.checksum(operator) + " is not a registered operator; `rollup-studio run --report` lists MACH's");
        }
        requireHolding(l1, from, amount, BigInteger.ZERO);
        List<UnsignedTransaction> txs = approveThen(from, OperatorRegistry.ADDRESS, amount.units(), Abi.call("delegate(address,uint256)", operator, amount.units()),
                STAKE_GAS);
        return checked(new Prepared(Kind.DELEGATE, l1, from, "delegate " + amount + " to operator " + Eip55.checksum(operator), amount, txs, quote(l1, from, txs)));
    }

    /** Leaves {@code operator}'s pool with {@code amount} worth of ALT at its price now, claimable after the cooldown. */
    public Prepared undelegate(Address from, Address operator, Amount amount) {
        byte[] pool = l1.rpc().call(from, OperatorRegistry.ADDRESS, Abi.call("pools(address)", operator));
        BigInteger assets = Abi.uint(pool, 0);
        BigInteger total = Abi.uint(pool, 1);
        BigInteger held = uint(l1.rpc().call(from, OperatorRegistry.ADDRESS, Abi.call("poolShares(address,address)", operator, from)));
        BigInteger worth = total.signum() == 0 ? BigInteger.ZERO : held.multiply(assets).divide(total);
        if (worth.compareTo(amount.units()) < 0) {
            throw new IllegalArgumentException(Eip55.checksum(from) + " has " + Amount.of(worth, Token.ALT) + " delegated to " + Eip55.checksum(operator)
                    + ", less than " + amount);
        }
        BigInteger shares = amount.units().equals(worth) ? held : amount.units().multiply(total).add(assets).subtract(BigInteger.ONE).divide(assets);
        UnsignedTransaction u = tx(l1, from, OperatorRegistry.ADDRESS, BigInteger.ZERO, Abi.call("undelegate(address,uint256)", operator, shares.min(held)));
        return checked(new Prepared(Kind.UNDELEGATE, l1, from, "undelegate " + amount + " from operator " + Eip55.checksum(operator)
                + " (claimable after the cooldown)", Amount.of(BigInteger.ZERO, Token.ALT), List.of(u), quote(l1, from, List.of(u))));
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
        long now = RpcClient.quantity(l1.rpc().call("eth_getBlockByNumber", "latest", false).get("timestamp")).longValueExact();
        BigInteger deposited = sum(logs(StakedAlt.ADDRESS, "Deposit(address,address,uint256,uint256)", null, who), 0);
        if (deposited.signum() > 0) {
            Stake s = stakeOf(who);
            BigInteger requested = sum(logs(StakedAlt.ADDRESS, "UnstakeRequested(address,uint256,uint256,uint256,uint256)", who, null), 1);
            long[] c = cooldowns(l1.rpc().call(who, StakedAlt.ADDRESS, Abi.call("requests(address)", who)), now);
            out.add(new Position("stALT vault", s.worth(), s.cooling(), s.worth().add(requested).subtract(deposited),
                    Amount.of(s.shares(), Token.ALT).display().replace("ALT", "stALT") + waitText(c, now)));
        }
        java.util.Map<Address, BigInteger> delegatedTo = new java.util.LinkedHashMap<>();
        for (JsonNode log : logs(OperatorRegistry.ADDRESS, "Delegated(address,address,uint256,uint256)", who, null)) {
            Address op = topicAddress(log, 2);
            delegatedTo.merge(op, Abi.uint(dataOf(log), 0), BigInteger::add);
        }
        for (var e : delegatedTo.entrySet()) {
            byte[] pool = l1.rpc().call(who, OperatorRegistry.ADDRESS, Abi.call("pools(address)", e.getKey()));
            BigInteger held = uint(l1.rpc().call(who, OperatorRegistry.ADDRESS, Abi.call("poolShares(address,address)", e.getKey(), who)));
            BigInteger total = Abi.uint(pool, 1);
            BigInteger worth = total.signum() == 0 ? BigInteger.ZERO : held.multiply(Abi.uint(pool, 0)).divide(total);
            BigInteger left = sum(logs(OperatorRegistry.ADDRESS, "Undelegated(address,address,uint256,uint256,uint256)", who, e.getKey()), 0);
            List<JsonNode> slashed = logs(OperatorRegistry.ADDRESS, "Slashed(address,uint256,uint256,uint256,uint256,address)", e.getKey(), null);
            String status = slashed.isEmpty() ? "active"
                    : "slashed in L1 block " + RpcClient.quantity(slashed.get(0).get("blockNumber")) + ": its bond and pool went to the treasury";
            String id = Eip55.checksum(e.getKey());
            out.add(new Position("operator " + id.substring(0, 6) + "…" + id.substring(38), worth, BigInteger.ZERO, worth.add(left).subtract(e.getValue()), status));
        }
        byte[] xs = l1.rpc().call(who, OperatorRegistry.ADDRESS, Abi.call("exits(address)", who));
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

    /** The L1's logs of {@code event} at {@code contract}, with the first and second indexed topics (null: any). */
    private List<JsonNode> logs(Address contract, String event, Address topic1, Address topic2) {
        com.fasterxml.jackson.databind.node.ObjectNode filter = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        filter.put("fromBlock", "earliest");
        filter.put("toBlock", "latest");
        filter.put("address", contract.toHex());
        var topics = filter.putArray("topics");
        topics.add(dev.rollupstudio.chain.Keccak.hash(event.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toHex());
        if (topic1 != null || topic2 != null) {
            if (topic1 == null) topics.addNull(); else topics.add(Bytes.toHex(Abi.encode(topic1)));
            if (topic2 != null) topics.add(Bytes.toHex(Abi.encode(topic2)));
        }
        List<JsonNode> out = new ArrayList<>();
        l1.rpc().call("eth_getLogs", filter).forEach(out::add);
        return out;
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
        BigInteger shares = uint(l1.rpc().call(who, StakedAlt.ADDRESS, Abi.call("balanceOf(address)", who)));
        BigInteger worth = uint(l1.rpc().call(who, StakedAlt.ADDRESS, Abi.call("previewRedeem(uint256)", shares)));
        byte[] reqs = l1.rpc().call(who, StakedAlt.ADDRESS, Abi.call("requests(address)", who));
        BigInteger cooling = BigInteger.ZERO;
        int n = Abi.uint(reqs, 1).intValueExact(); // (offset, length, then (assets, claimableAt) pairs)
        for (int i = 0; i < n; i++) cooling = cooling.add(Abi.uint(reqs, 2 + 2 * i));
        return new Stake(shares, worth, cooling);
    }

    private static BigInteger uint(byte[] word) {
        return new BigInteger(1, word);
    }

    private UnsignedTransaction tx(WalletChain chain, Address from, Address to, BigInteger value, byte[] data) {
        BigInteger tip = chain.rpc().maxPriorityFee();
        BigInteger cap = chain.rpc().baseFee().shiftLeft(1).add(tip);
        long gas = chain.rpc().estimateGas(from, to, value, data);
        return new UnsignedTransaction(TxType.DYNAMIC_FEE, chain.chainId(), chain.rpc().nonce(from), tip, cap, gas, to, value, data, List.of());
    }

    private Quote quote(WalletChain chain, Address from, List<UnsignedTransaction> txs) {
        BigInteger baseFee = chain.rpc().baseFee();
        // the L1's fees, asked once for all the transactions: what the rollup's L1 data fee is priced at
        BigInteger l1BaseFee = chain.isRollup() ? l1.rpc().baseFee() : BigInteger.ZERO;
        BigInteger l1BlobBaseFee = chain.isRollup() ? RpcClient.quantity(l1.rpc().call("eth_blobBaseFee")) : BigInteger.ZERO;
        long gas = 0;
        BigInteger execution = BigInteger.ZERO, l1Data = BigInteger.ZERO, cap = BigInteger.ZERO;
        for (UnsignedTransaction u : txs) {
            gas += u.gasLimit();
            cap = cap.max(u.maxFeePerGas());
            execution = execution.add(BigInteger.valueOf(u.gasLimit()).multiply(baseFee.add(u.maxPriorityFeePerGas()).min(u.maxFeePerGas())));
            if (chain.isRollup()) {
                l1Data = l1Data.add(chain.fromEth(L1Fee.fee(PREVIEW.sign(u).fastLzLength(), l1BaseFee, l1BlobBaseFee,
                        chain.rollup().baseFeeScalar(), chain.rollup().blobBaseFeeScalar())));
            }
        }
        return new Quote(gas, cap, Amount.of(execution, chain.nativeToken()), Amount.of(l1Data, chain.nativeToken()));
    }

    /** Refuses what cannot succeed once priced: too little of the amount sent, or of the native coin for the fees. */
    private Prepared checked(Prepared p) {
        BigInteger fees = p.quote().maxUnits();
        requireHolding(p.chain(), p.from(), p.amount(), fees);
        Token coin = p.chain().nativeToken();
        if (!p.amount().token().equals(coin)) {
            BigInteger has = p.chain().rpc().balance(p.from());
            if (has.compareTo(fees) < 0) {
                throw new IllegalArgumentException("not enough " + coin.symbol() + " on " + p.chain().name() + " for the fees: up to " + Amount.of(fees, coin)
                        + ", and " + Eip55.checksum(p.from()) + " has " + Amount.of(has, coin) + "; " + howToGet(p.chain(), coin));
            }
        }
        return p;
    }

    /** Refuses a payment of more than {@code from} holds on {@code chain} (for the native coin, with {@code fees} on top); checked before anything is estimated. */
    private void requireHolding(WalletChain chain, Address from, Amount amount, BigInteger fees) {
        boolean coin = isNative(chain, amount);
        BigInteger has = coin ? chain.rpc().balance(from) : altOf(chain, from);
        BigInteger need = coin ? amount.units().add(fees) : amount.units();
        if (has.compareTo(need) >= 0) return;
        Token t = amount.token();
        throw new IllegalArgumentException("not enough " + t.symbol() + " on " + chain.name() + ": " + amount + (coin ? " to send" : " to move")
                + (fees.signum() > 0 && coin ? " plus up to " + Amount.of(fees, t) + " in fees" : "") + ", and " + Eip55.checksum(from) + " has "
                + Amount.of(has, t) + " (" + Amount.of(need.subtract(has), t) + " missing); " + howToGet(chain, t));
    }

    private static String howToGet(WalletChain chain, Token token) {
        return chain.isRollup() ? "deposit " + token.symbol() + " from the L1, or send some from a dev account"
                : "send some from a dev account (each holds 10,000 ETH and 1,000,000 ALT)";
    }

    private static BigInteger altOf(WalletChain c, Address who) {
        return new BigInteger(1, c.rpc().call(who, c.alt(), Abi.call("balanceOf(address)", who)));
    }

    /** Whether {@code a} is {@code chain}'s native coin (else it is the ALT token); ETH on a chain without ETH is refused. */
    private static boolean isNative(WalletChain chain, Amount a) {
        if (!a.token().equals(Token.ETH) && !a.token().equals(Token.ALT)) throw new IllegalArgumentException("the wallet moves ETH and ALT, not " + a.token().symbol());
        if (a.token().equals(chain.nativeToken())) return true;
        if (a.token().equals(Token.ETH)) {
            throw new IllegalArgumentException(chain.name() + " has no ETH: its native coin is " + chain.nativeToken().symbol() + ", which pays its fees");
        }
        return false;
    }

    private static void requireRollup(WalletChain c) {
        if (!c.isRollup()) throw new IllegalArgumentException(c + " is the L1; deposits and withdrawals name a rollup");
    }
}
