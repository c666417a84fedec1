package dev.rollupstudio.chain;

import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.chain.rlp.RlpException;
import dev.rollupstudio.chain.rlp.RlpItem;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An Ethereum transaction as it travels in a block: legacy (with or without EIP-155), EIP-2930,
 * EIP-1559, EIP-4844 blob transactions (their block form, without the blobs), or an OP Stack
 * deposit (0x7E). Immutable; decoded from its canonical bytes, which
 * are kept so the hash and the data fee are computed from exactly what was sent.
 */
public final class Transaction {
    public static final BigInteger SECP256K1_N = new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
    private static final BigInteger HALF_N = SECP256K1_N.shiftRight(1);

    private final TxType type;
    private final Long chainId;
    private final long nonce;
    private final BigInteger maxPriorityFeePerGas;
    private final BigInteger maxFeePerGas;
    private final long gasLimit;
    private final Address to;
    private final BigInteger value;
    private final byte[] data;
    private final List<AccessListEntry> accessList;
    private final BigInteger v;
    private final BigInteger r;
    private final BigInteger s;
    private final Deposit deposit;
    private BigInteger maxFeePerBlobGas;
    private List<Hash> blobVersionedHashes = List.of();
    private final byte[] encoded;
    private final Hash hash;
    private volatile Address sender;
    private volatile boolean impersonated;
    private int fastLzLength = -1;

    /** The OP Stack deposit fields: minted value and a sender given by L1, not by a signature. */
    public record Deposit(Hash sourceHash, Address from, BigInteger mint, boolean systemTx) {}

    Transaction(TxType type, Long chainId, long nonce, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas, long gasLimit,
                Address to, BigInteger value, byte[] data, List<AccessListEntry> accessList,
                BigInteger v, BigInteger r, BigInteger s, Deposit deposit, byte[] encoded) {
        this.type = type;
        this.chainId = chainId;
        this.nonce = nonce;
        this.maxPriorityFeePerGas = maxPriorityFeePerGas;
        this.maxFeePerGas = maxFeePerGas;
        this.gasLimit = gasLimit;
        this.to = to;
        this.value = value;
        this.data = data;
        this.accessList = accessList;
        this.v = v;
        this.r = r;
        this.s = s;
        this.deposit = deposit;
        this.encoded = encoded;
        this.hash = Keccak.hash(encoded);
        if (deposit != null) this.sender = deposit.from();
    }

    /** Decodes the canonical bytes of a transaction (typed envelope or legacy RLP list). */
    public static Transaction decode(byte[] raw) {
        if (raw == null || raw.length == 0) throw new MalformedTransactionException("empty transaction bytes");
        try {
            int first = raw[0] & 0xff;
            if (first >= 0xc0) return decodeLegacy(raw);
            if (first > 0x7f) throw new MalformedTransactionException("neither a legacy RLP list nor a typed envelope (first byte 0x" + Integer.toHexString(first) + ")");
            byte[] body = new byte[raw.length - 1];
            System.arraycopy(raw, 1, body, 0, body.length);
            List<RlpItem> f = Rlp.decode(body).list();
            return switch (first) {
                case 0x01 -> decodeTyped(TxType.ACCESS_LIST, f, raw);
                case 0x02 -> decodeTyped(TxType.DYNAMIC_FEE, f, raw);
                case 0x7e -> decodeDeposit(f, raw);
                case 0x03 -> decodeBlob(f, raw);
                default -> throw new MalformedTransactionException("unsupported transaction type 0x" + Integer.toHexString(first));
            };
        } catch (RlpException e) {
            throw new MalformedTransactionException("not valid RLP: " + e.getMessage());
        }
    }

    private static Transaction decodeLegacy(byte[] raw) {
        List<RlpItem> f = Rlp.decode(raw).list();
        expectFields(f, 9, "legacy");
        BigInteger v = f.get(6).bigInt();
        Long chainId = null;
        if (v.compareTo(BigInteger.valueOf(35)) >= 0) {
            chainId = v.subtract(BigInteger.valueOf(35)).shiftRight(1).longValueExact();
        } else if (v.intValue() != 27 && v.intValue() != 28) {
            throw new MalformedTransactionException("legacy v must be 27, 28 or 35 + 2 * chainId, got " + v);
        }
        BigInteger price = f.get(1).bigInt();
        return new Transaction(TxType.LEGACY, chainId, f.get(0).longValue(), price, price, f.get(2).longValue(), to(f.get(3)),
                f.get(4).bigInt(), f.get(5).bytes(), List.of(), v, f.get(7).bigInt(), f.get(8).bigInt(), null, raw);
    }

    private static Transaction decodeTyped(TxType type, List<RlpItem> f, byte[] raw) {
        boolean dynamic = type == TxType.DYNAMIC_FEE;
        int n = dynamic ? 12 : 11;
        expectFields(f, n, type == TxType.DYNAMIC_FEE ? "EIP-1559" : "EIP-2930");
        int i = 0;
        long chainId = f.get(i++).longValue();
        long nonce = f.get(i++).longValue();
        BigInteger tip = f.get(i++).bigInt();
        BigInteger cap = dynamic ? f.get(i++).bigInt() : tip;
        long gas = f.get(i++).longValue();
        Address to = to(f.get(i++));
        BigInteger value = f.get(i++).bigInt();
        byte[] data = f.get(i++).bytes();
        List<AccessListEntry> al = accessList(f.get(i++));
        BigInteger yParity = f.get(i++).bigInt();
        if (yParity.compareTo(BigInteger.ONE) > 0) throw new MalformedTransactionException("signature y-parity must be 0 or 1, got " + yParity);
        return new Transaction(type, chainId, nonce, tip, cap, gas, to, value, data, al, yParity, f.get(i++).bigInt(), f.get(i).bigInt(), null, raw);
    }

    private static Transaction decodeBlob(List<RlpItem> f, byte[] raw) {
        if (f.size() == 4 && f.get(0) instanceof RlpItem.Seq) {
            throw new MalformedTransactionException("a blob transaction in its network form (with blobs, commitments and proofs); send the block form");
        }
        expectFields(f, 14, "EIP-4844 blob");
        Address to = to(f.get(5));
        if (to == null) throw new MalformedTransactionException("a blob transaction cannot create a contract: 'to' is required");
        List<Hash> hashes = new ArrayList<>();
        for (RlpItem h : f.get(10).list()) hashes.add(Hash.of(fixed(h, 32, "blob versioned hash")));
        BigInteger yParity = f.get(11).bigInt();
        if (yParity.compareTo(BigInteger.ONE) > 0) throw new MalformedTransactionException("signature y-parity must be 0 or 1, got " + yParity);
        Transaction tx = new Transaction(TxType.BLOB, f.get(0).longValue(), f.get(1).longValue(), f.get(2).bigInt(), f.get(3).bigInt(), f.get(4).longValue(), to,
                f.get(6).bigInt(), f.get(7).bytes(), accessList(f.get(8)), yParity, f.get(12).bigInt(), f.get(13).bigInt(), null, raw);
        tx.maxFeePerBlobGas = f.get(9).bigInt();
        tx.blobVersionedHashes = List.copyOf(hashes);
        return tx;
    }

    private static Transaction decodeDeposit(List<RlpItem> f, byte[] raw) {
        expectFields(f, 8, "deposit");
        Address from = address(f.get(1), "from");
        Deposit d = new Deposit(Hash.of(fixed(f.get(0), 32, "sourceHash")), from, f.get(3).bigInt(), f.get(6).bigInt().signum() != 0);
        return new Transaction(TxType.DEPOSIT, null, 0, BigInteger.ZERO, BigInteger.ZERO, f.get(5).longValue(), to(f.get(2)),
                f.get(4).bigInt(), f.get(7).bytes(), List.of(), null, null, null, d, raw);
    }

    private static void expectFields(List<RlpItem> f, int n, String kind) {
        if (f.size() != n) throw new MalformedTransactionException("an " + kind + " transaction needs " + n + " fields, this one has " + f.size());
    }

    private static Address to(RlpItem item) {
        return item.bytes().length == 0 ? null : address(item, "to");
    }

    private static Address address(RlpItem item, String field) {
        return Address.of(fixed(item, 20, field));
    }

    private static byte[] fixed(RlpItem item, int size, String field) {
        byte[] b = item.bytes();
        if (b.length != size) throw new MalformedTransactionException("'" + field + "' must be " + size + " bytes, got " + b.length);
        return b;
    }

    private static List<AccessListEntry> accessList(RlpItem item) {
        List<AccessListEntry> out = new ArrayList<>();
        for (RlpItem e : item.list()) {
            List<RlpItem> pair = e.list();
            if (pair.size() != 2) throw new MalformedTransactionException("an access-list entry is [address, [keys]]");
            List<Hash> keys = new ArrayList<>();
            for (RlpItem k : pair.get(1).list()) keys.add(Hash.of(fixed(k, 32, "storage key")));
            out.add(new AccessListEntry(address(pair.get(0), "access-list address"), keys));
        }
        return out;
    }

    /** The hash the sender signed (EIP-155 for protected legacy transactions; EIP-2718 envelopes otherwise). */
    public byte[] signingHash() {
        List<byte[]> f = new ArrayList<>();
        switch (type) {
            case LEGACY -> {
                f.add(Rlp.encodeLong(nonce));
                f.add(Rlp.encodeBigInt(maxFeePerGas));
                f.add(Rlp.encodeLong(gasLimit));
                f.add(Rlp.encodeBytes(to == null ? Bytes.EMPTY : to.raw()));
                f.add(Rlp.encodeBigInt(value));
                f.add(Rlp.encodeBytes(data));
                if (chainId != null) {
                    f.add(Rlp.encodeLong(chainId));
                    f.add(Rlp.encodeLong(0));
                    f.add(Rlp.encodeLong(0));
                }
                return Keccak.digest(Rlp.encodeList(f));
            }
            case ACCESS_LIST, DYNAMIC_FEE -> {
                return Keccak.digest(TxEncoder.typedPayload(this, false));
            }
            case BLOB -> {
                List<byte[]> al = new ArrayList<>();
                for (AccessListEntry e : accessList) {
                    List<byte[]> keys = new ArrayList<>();
                    for (Hash k : e.storageKeys()) keys.add(Rlp.encodeBytes(k.raw()));
                    al.add(Rlp.encodeList(Rlp.encodeBytes(e.address().raw()), Rlp.encodeList(keys)));
                }
                List<byte[]> hashes = new ArrayList<>();
                for (Hash h : blobVersionedHashes) hashes.add(Rlp.encodeBytes(h.raw()));
                f.add(Rlp.encodeLong(chainId));
                f.add(Rlp.encodeLong(nonce));
                f.add(Rlp.encodeBigInt(maxPriorityFeePerGas));
                f.add(Rlp.encodeBigInt(maxFeePerGas));
                f.add(Rlp.encodeLong(gasLimit));
                f.add(Rlp.encodeBytes(to.raw()));
                f.add(Rlp.encodeBigInt(value));
                f.add(Rlp.encodeBytes(data));
                f.add(Rlp.encodeList(al));
                f.add(Rlp.encodeBigInt(maxFeePerBlobGas));
                f.add(Rlp.encodeList(hashes));
                return Keccak.digest(Bytes.concat(new byte[] {0x03}, Rlp.encodeList(f)));
            }
            default -> throw new IllegalStateException("deposits are not signed");
        }
    }

    /** Recovery id (0 or 1) from v or y-parity. */
    public int recoveryId() {
        if (type != TxType.LEGACY) return v.intValue();
        return chainId == null ? v.intValue() - 27 : v.subtract(BigInteger.valueOf(35 + 2 * chainId)).intValue();
    }

    /** The low-s and range rules every signature must meet (EIP-2); null when they hold. */
    public String signatureProblem() {
        if (type == TxType.DEPOSIT) return null;
        if (r.signum() <= 0 || r.compareTo(SECP256K1_N) >= 0) return "signature r is out of range";
        if (s.signum() <= 0 || s.compareTo(HALF_N) > 0) return "signature s is zero or in the upper half of the curve order (EIP-2)";
        int id = recoveryId();
        if (id != 0 && id != 1) return "signature recovery id must be 0 or 1, got " + id;
        return null;
    }

    /**
     * Devnet only (anvil_impersonateAccount): takes {@code from} as the sender instead of what the
     * placeholder signature recovers to. A node does this only for transactions it made itself
     * and tells its verifier so; bytes from outside never carry it.
     */
    public void assumeSender(Address from) {
        sender = from;
        impersonated = true;
    }

    /** Whether the sender was given by {@link #assumeSender} rather than recovered. */
    public boolean isImpersonated() {
        return impersonated;
    }

    /**
     * The sender, recovered from the signature once and cached; null if the signature is invalid.
     * Another decoding of the same bytes (the verifier's, from a batch) finds it in {@link RecoveredSenders}.
     */
    public Address sender() {
        Address a = sender;
        if (a == null && signatureProblem() == null) {
            a = RecoveredSenders.get(hash);
            if (a == null) {
                a = Ecdsa.active().recover(signingHash(), recoveryId(), r, s);
                if (a != null) RecoveredSenders.put(hash, a);
            }
            sender = a;
        }
        return a;
    }

    /** FastLZ-compressed length of the canonical bytes (the Fjord data-fee input), computed once. */
    public int fastLzLength() {
        int n = fastLzLength;
        if (n < 0) fastLzLength = n = FastLz.compressedLength(encoded);
        return n;
    }

    public boolean isDeposit() {
        return type == TxType.DEPOSIT;
    }

    public boolean isContractCreation() {
        return to == null;
    }

    /** The tip per gas the block producer receives at {@code baseFee}; negative if the fee cap is below it. */
    public BigInteger effectiveTip(BigInteger baseFee) {
        BigInteger room = maxFeePerGas.subtract(baseFee);
        return room.min(maxPriorityFeePerGas);
    }

    public BigInteger effectiveGasPrice(BigInteger baseFee) {
        return baseFee.add(effectiveTip(baseFee));
    }

    /** Gas charged before execution: 21,000, calldata, contract creation and access list. */
    public long intrinsicGas() {
        long gas = isContractCreation() ? 53_000 : 21_000;
        for (byte b : data) gas += b == 0 ? 4 : 16;
        if (isContractCreation()) gas += 2L * ((data.length + 31) / 32);
        for (AccessListEntry e : accessList) gas += 2_400 + 1_900L * e.storageKeys().size();
        return gas;
    }

    /** EIP-7623 floor: 21,000 + 10 gas per calldata token (zero byte 1 token, non-zero 4). */
    public long floorGas() {
        long tokens = 0;
        for (byte b : data) tokens += b == 0 ? 1 : 4;
        return 21_000 + 10 * tokens;
    }

    public TxType type() { return type; }
    public Long chainId() { return chainId; }
    public long nonce() { return nonce; }
    public BigInteger maxPriorityFeePerGas() { return maxPriorityFeePerGas; }
    public BigInteger maxFeePerGas() { return maxFeePerGas; }
    public long gasLimit() { return gasLimit; }
    public Address to() { return to; }
    public BigInteger value() { return value; }
    public byte[] data() { return Bytes.copy(data); }
    public int dataLength() { return data.length; }
    byte[] rawData() { return data; }
    public List<AccessListEntry> accessList() { return accessList; }
    public BigInteger v() { return v; }
    public BigInteger r() { return r; }
    public BigInteger s() { return s; }
    public Deposit deposit() { return deposit; }
    /** EIP-4844: the cap on the blob base fee (null for other types). */
    public BigInteger maxFeePerBlobGas() { return maxFeePerBlobGas; }
    /** EIP-4844: the versioned hashes of the blobs (empty for other types). */
    public List<Hash> blobVersionedHashes() { return blobVersionedHashes; }
    public Hash hash() { return hash; }
    public int size() { return encoded.length; }

    /** The canonical bytes (what the transactions root and the batch carry). */
    public byte[] encoded() { return Bytes.copy(encoded); }

    byte[] rawEncoded() { return encoded; }

    @Override public String toString() {
        return "tx " + hash.shortHex() + " (" + type + ", nonce " + nonce + ")";
    }
}
