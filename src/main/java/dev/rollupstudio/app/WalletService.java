package dev.rollupstudio.app;

import dev.rollupstudio.types.Bytes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rollupstudio.chain.Eip55;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.TxType;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.contracts.Alt;
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
    public enum Kind { SEND, DEPOSIT, WITHDRAWAL, RAAS_FEE, STAKE, UNSTAKE, CLAIM, DELEGATE, UNDELEGATE, PROPOSE, VOTE, QUEUE, EXECUTE }

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
    List<UnsignedTransaction> approveThen(Address from, Address spender, BigInteger units, byte[] call, long gasAfterApproval) {
        BigInteger allowance = new BigInteger(1, l1.rpc().call(from, Alt.L1_TOKEN, Abi.call("allowance(address,address)", from, spender)));
        if (allowance.compareTo(units) >= 0) return List.of(tx(l1, from, spender, BigInteger.ZERO, call));
        UnsignedTransaction approve = tx(l1, from, Alt.L1_TOKEN, BigInteger.ZERO, Abi.call("approve(address,uint256)", spender, units));
        return List.of(approve, new UnsignedTransaction(TxType.DYNAMIC_FEE, l1.chainId(), approve.nonce() + 1, approve.maxPriorityFeePerGas(),
                approve.maxFeePerGas(), gasAfterApproval, spender, BigInteger.ZERO, call, List.of()));
    }

    /** Staking on L1 for this wallet's accounts: stALT and delegations to operators. */
    public WalletStaking staking() {
        return new WalletStaking(this);
    }

    /** ALT governance from this wallet: proposals, votes, the timelock. */
    public WalletGovernance governance() {
        return new WalletGovernance(this);
    }

    /** The L1's logs of {@code event} at {@code contract}, with the first and second indexed topics (null: any). */
    List<JsonNode> l1Logs(Address contract, String event, Address topic1, Address topic2) {
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

    static BigInteger uint(byte[] word) {
        return new BigInteger(1, word);
    }

    UnsignedTransaction tx(WalletChain chain, Address from, Address to, BigInteger value, byte[] data) {
        BigInteger tip = chain.rpc().maxPriorityFee();
        BigInteger cap = chain.rpc().baseFee().shiftLeft(1).add(tip);
        long gas = chain.rpc().estimateGas(from, to, value, data);
        return new UnsignedTransaction(TxType.DYNAMIC_FEE, chain.chainId(), chain.rpc().nonce(from), tip, cap, gas, to, value, data, List.of());
    }

    Quote quote(WalletChain chain, Address from, List<UnsignedTransaction> txs) {
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
    Prepared checked(Prepared p) {
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
    void requireHolding(WalletChain chain, Address from, Amount amount, BigInteger fees) {
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
