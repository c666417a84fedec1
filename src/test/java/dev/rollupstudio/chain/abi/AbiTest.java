package dev.rollupstudio.chain.abi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

/** Our small ABI codec against web3j's full one, and the revert payloads Solidity emits. */
class AbiTest {
    private static final Address A = Address.fromHex("0x7070000000000000000000000000000000000001");
    private static final Address B = Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    @Test
    void callDataMatchesWeb3j() {
        String ours = Bytes.toHex(Abi.call("transfer(address,uint256)", B, BigInteger.TEN.pow(18)));
        String theirs = FunctionEncoder.encode(new Function("transfer",
                List.of(new org.web3j.abi.datatypes.Address(B.toString()), new Uint256(BigInteger.TEN.pow(18))), List.of()));
        assertThat(ours).isEqualTo(theirs);
        assertThat(Bytes.toHex(Abi.selector("transfer(address,uint256)"))).isEqualTo("0xa9059cbb");
        assertThat(Bytes.toHex(Abi.selector("mint()"))).isEqualTo("0x1249c58b");
    }

    @Test
    void dynamicAddressArraysMatchWeb3j() {
        String ours = Bytes.toHex(Abi.encode(List.of(A, B), BigInteger.valueOf(5)));
        String theirs = "0x" + FunctionEncoder.encodeConstructor(List.of(
                new DynamicArray<>(org.web3j.abi.datatypes.Address.class,
                        List.of(new org.web3j.abi.datatypes.Address(A.toString()), new org.web3j.abi.datatypes.Address(B.toString()))),
                new Uint256(5)));
        assertThat(ours).isEqualTo(theirs);
    }

    @Test
    void revertReasonsAreDecoded() {
        byte[] error = Bytes.fromHex(FunctionEncoder.encode(new Function("Error", List.of(new Utf8String("mint 1 to 20 per call")), List.of())));
        assertThat(Abi.revertReason(error)).isEqualTo("mint 1 to 20 per call");
        byte[] panic = Abi.call("Panic(uint256)", BigInteger.valueOf(0x11));
        assertThat(Abi.revertReason(panic)).isEqualTo("Panic(0x11): arithmetic overflow or underflow");
        // a custom error is not a reason string; a truncated Error(string) is not either
        assertThat(Abi.revertReason(Abi.call("ERC20InsufficientBalance(address,uint256,uint256)", A, 1L, 2L))).isNull();
        assertThat(Abi.revertReason(java.util.Arrays.copyOf(error, 40))).isNull();
        assertThat(Abi.revertReason(new byte[0])).isNull();
    }

    @Test
    void wordsAreReadBack() {
        byte[] data = Abi.encode(B, BigInteger.valueOf(-1));
        assertThat(Abi.address(data, 0)).isEqualTo(B);
        assertThat(Abi.uint(data, 1)).isEqualTo(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
        assertThat(Abi.uint(data, 5)).isZero();
    }
}
