package dev.rollupstudio.runtime.l1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/** The portal's withdrawal calls encode as web3j encodes OP's ABI, and decode back. */
class WithdrawalCallsTest {
    private static final WithdrawalMessage W = new WithdrawalMessage(BigInteger.valueOf(7), Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
            Address.fromHex("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), BigInteger.TEN.pow(18), BigInteger.valueOf(100_000));
    private static final WithdrawalCalls.OutputRootProof ORP = new WithdrawalCalls.OutputRootProof(Hash.of(filled(1)), Hash.of(filled(2)), Hash.of(filled(3)));
    private static final List<byte[]> PROOF = List.of(Bytes.fromHex("0xf851a0aa"), new byte[70], Bytes.fromHex("0x01"));

    private static byte[] filled(int b) {
        byte[] x = new byte[32];
        java.util.Arrays.fill(x, (byte) b);
        return x;
    }

    private static DynamicStruct web3jTx() {
        return new DynamicStruct(new Uint256(W.nonce()), new org.web3j.abi.datatypes.Address(W.sender().toString()),
                new org.web3j.abi.datatypes.Address(W.target().toString()), new Uint256(W.value()), new Uint256(W.gasLimit()), new DynamicBytes(new byte[0]));
    }

    @Test
    void finalizeMatchesWeb3j() {
        String theirs = FunctionEncoder.encode(new org.web3j.abi.datatypes.Function("finalizeWithdrawalTransaction", List.of(web3jTx()), List.of()));
        assertThat(Bytes.toHex(Abi.args(WithdrawalCalls.finalize(W)))).isEqualTo("0x" + theirs.substring(10));
        assertThat(WithdrawalCalls.withdrawal(Abi.args(WithdrawalCalls.finalize(W)), 0)).isEqualTo(W);
    }

    @Test
    void proveMatchesWeb3jAndDecodesBack() {
        List<DynamicBytes> nodes = PROOF.stream().map(DynamicBytes::new).toList();
        String theirs = FunctionEncoder.encode(new org.web3j.abi.datatypes.Function("proveWithdrawalTransaction", List.of(web3jTx(), new Uint256(3),
                new StaticStruct(new Bytes32(new byte[32]), new Bytes32(filled(1)), new Bytes32(filled(2)), new Bytes32(filled(3))),
                new DynamicArray<>(DynamicBytes.class, nodes)), List.of()));
        byte[] ours = WithdrawalCalls.prove(W, 3, ORP, PROOF);
        assertThat(Bytes.toHex(Abi.args(ours))).isEqualTo("0x" + theirs.substring(10));
        WithdrawalCalls.Prove back = WithdrawalCalls.decodeProve(Abi.args(ours));
        assertThat(back.withdrawal()).isEqualTo(W);
        assertThat(back.outputIndex()).isEqualTo(BigInteger.valueOf(3));
        assertThat(back.outputRootProof()).isEqualTo(ORP);
        assertThat(back.proof()).hasSize(3);
        for (int i = 0; i < 3; i++) assertThat(back.proof().get(i)).isEqualTo(PROOF.get(i));
        // the selectors are OP Stack's
        assertThat(Bytes.toHex(WithdrawalCalls.PROVE)).isEqualTo("0x4870496f");
        assertThat(Bytes.toHex(WithdrawalCalls.FINALIZE)).isEqualTo("0x8c3152e9");
    }
}
