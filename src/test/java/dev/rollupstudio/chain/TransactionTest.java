package dev.rollupstudio.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

public class TransactionTest {
    private static final Credentials KEY = Credentials.create("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private static final Address TO = Address.fromHex("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

    @Test
    void ourEip1559EncodingIsByteForByteWhatWeb3jSigns() {
        UnsignedTransaction u = UnsignedTransaction.transfer(901, 7, TO, BigInteger.TEN.pow(15), BigInteger.valueOf(1_000_000), BigInteger.valueOf(3_000_000_000L));
        Transaction ours = TxEncoder.sign(u, KEY.getEcKeyPair());
        RawTransaction raw = RawTransaction.createEtherTransaction(901, BigInteger.valueOf(7), BigInteger.valueOf(21_000), TO.toHex(),
                BigInteger.TEN.pow(15), BigInteger.valueOf(1_000_000), BigInteger.valueOf(3_000_000_000L));
        byte[] theirs = TransactionEncoder.signMessage(raw, 901, KEY);
        assertThat(Bytes.toHex(ours.encoded())).isEqualTo(Bytes.toHex(theirs));
        assertThat(ours.sender().toHex()).isEqualTo(KEY.getAddress());
        assertThat(ours.chainId()).isEqualTo(901L);
    }

    @Test
    void legacyEip155EncodingIsWhatWeb3jSigns() {
        UnsignedTransaction u = UnsignedTransaction.legacyTransfer(901, 0, TO, BigInteger.ONE, BigInteger.valueOf(2_000_000_000L));
        Transaction ours = TxEncoder.sign(u, KEY.getEcKeyPair());
        RawTransaction raw = RawTransaction.createEtherTransaction(BigInteger.ZERO, BigInteger.valueOf(2_000_000_000L),
                BigInteger.valueOf(21_000), TO.toHex(), BigInteger.ONE);
        assertThat(Bytes.toHex(ours.encoded())).isEqualTo(Bytes.toHex(TransactionEncoder.signMessage(raw, 901L, KEY)));
        assertThat(ours.sender().toHex()).isEqualTo(KEY.getAddress());
        assertThat(ours.chainId()).isEqualTo(901L);
    }

    @Test
    void tamperedSignatureRecoversSomeoneElse() {
        Transaction tx = TxEncoder.sign(UnsignedTransaction.transfer(901, 0, TO, BigInteger.ONE, BigInteger.ONE, BigInteger.TEN), KEY.getEcKeyPair());
        byte[] raw = tx.encoded();
        raw[raw.length - 5] ^= 0x01; // inside s
        Transaction bent = Transaction.decode(raw);
        assertThat(bent.sender()).isNotEqualTo(tx.sender());
    }

    @Test
    void malformedBytesSayWhatIsWrong() {
        assertThatThrownBy(() -> Transaction.decode(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> Transaction.decode(Bytes.fromHex("0x05c0"))).hasMessageContaining("unsupported transaction type 0x5");
        assertThatThrownBy(() -> Transaction.decode(Bytes.fromHex("0x02c3010203"))).hasMessageContaining("needs 12 fields, this one has 3");
        assertThatThrownBy(() -> Transaction.decode(Bytes.fromHex("0x02f8"))).hasMessageContaining("not valid RLP");
    }

    @Test
    void intrinsicAndFloorGasFollowTheSchedule() {
        UnsignedTransaction u = UnsignedTransaction.transfer(1, 0, TO, BigInteger.ONE, BigInteger.ONE, BigInteger.TEN)
                .withData(new byte[] {0, 0, 1}).withGasLimit(50_000);
        Transaction tx = TxEncoder.sign(u, KEY.getEcKeyPair());
        assertThat(tx.intrinsicGas()).isEqualTo(21_000 + 4 + 4 + 16);
        assertThat(tx.floorGas()).isEqualTo(21_000 + 10 * (1 + 1 + 4));
    }

    /** The blob transaction of ethereum/tests' blockWithAllTransactionTypes (Cancun), in its block form. */
    public static byte[] blobTx(boolean networkForm) {
        java.util.List<byte[]> f = java.util.List.of(
                dev.rollupstudio.chain.rlp.Rlp.encodeLong(1), dev.rollupstudio.chain.rlp.Rlp.encodeLong(3), dev.rollupstudio.chain.rlp.Rlp.encodeLong(1),
                dev.rollupstudio.chain.rlp.Rlp.encodeLong(0x3e8), dev.rollupstudio.chain.rlp.Rlp.encodeLong(0xe8d4a51000L),
                dev.rollupstudio.chain.rlp.Rlp.encodeBytes(Bytes.fromHex("0x100000000000000000000000000000000000000a")), dev.rollupstudio.chain.rlp.Rlp.encodeLong(7),
                dev.rollupstudio.chain.rlp.Rlp.encodeBytes(new byte[0]), dev.rollupstudio.chain.rlp.Rlp.encodeList(java.util.List.of()),
                dev.rollupstudio.chain.rlp.Rlp.encodeLong(10),
                dev.rollupstudio.chain.rlp.Rlp.encodeList(dev.rollupstudio.chain.rlp.Rlp.encodeBytes(Bytes.fromHex("0x01a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8"))),
                dev.rollupstudio.chain.rlp.Rlp.encodeLong(0),
                dev.rollupstudio.chain.rlp.Rlp.encodeBigInt(new BigInteger("638144c46d5de7a9e630c0e7c5c63ae829ecfd8cc94715d9c29fe17c464de0", 16)),
                dev.rollupstudio.chain.rlp.Rlp.encodeBigInt(new BigInteger("6c5fc54c3aa868ba35ef31a4e12431611631ab7bcdceb4214dd273d83f73b5e1", 16)));
        byte[] body = dev.rollupstudio.chain.rlp.Rlp.encodeList(f);
        if (networkForm) body = dev.rollupstudio.chain.rlp.Rlp.encodeList(body, dev.rollupstudio.chain.rlp.Rlp.encodeList(java.util.List.of()),
                dev.rollupstudio.chain.rlp.Rlp.encodeList(java.util.List.of()), dev.rollupstudio.chain.rlp.Rlp.encodeList(java.util.List.of()));
        return Bytes.concat(new byte[] {0x03}, body);
    }

    @Test
    void aBlobTransactionDecodesAndItsSenderRecovers() {
        Transaction tx = Transaction.decode(blobTx(false));
        assertThat(tx.type()).isEqualTo(TxType.BLOB);
        assertThat(tx.maxFeePerBlobGas()).isEqualTo(BigInteger.TEN);
        assertThat(tx.blobVersionedHashes()).hasSize(1);
        // the fixture's signature recovers the fixture's sender only if our signing hash is EIP-4844's
        assertThat(tx.sender()).isEqualTo(Address.fromHex("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b"));
        assertThatThrownBy(() -> Transaction.decode(blobTx(true))).isInstanceOf(MalformedTransactionException.class).hasMessageContaining("network form");
    }

    @Test
    void aSecondDecodingOfTheSameBytesFindsTheRecoveredSenderAndATamperedCopyDoesNot() {
        RawTransaction raw = RawTransaction.createEtherTransaction(901, BigInteger.valueOf(77), BigInteger.valueOf(21_000), TO.toHex(),
                BigInteger.TEN, BigInteger.ONE, BigInteger.TWO);
        byte[] signed = TransactionEncoder.signMessage(raw, 901, KEY);
        Transaction first = Transaction.decode(signed);
        assertThat(first.sender()).isEqualTo(Address.fromHex(KEY.getAddress()));
        assertThat(RecoveredSenders.get(first.hash())).isEqualTo(first.sender());
        assertThat(Transaction.decode(signed).sender()).isEqualTo(first.sender());

        byte[] tampered = signed.clone();
        tampered[tampered.length - 1] ^= 1; // the last byte of s
        Transaction other = Transaction.decode(tampered);
        assertThat(other.hash()).isNotEqualTo(first.hash());
        assertThat(other.sender()).isNotEqualTo(first.sender());
    }
}
