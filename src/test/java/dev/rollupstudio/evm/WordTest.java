package dev.rollupstudio.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** 256-bit words at their edges: wrap-around, signed division and remainder, sign extension, shifts. */
class WordTest {
    private static final Word MIN_SIGNED = Word.ONE.shl(Word.of(255));

    private static Word w(String hex) {
        return Word.of(new BigInteger(hex, 16));
    }

    @Test
    void arithmeticWrapsModulo2To256() {
        assertThat(Word.MAX.add(Word.ONE)).isEqualTo(Word.ZERO);
        assertThat(Word.ZERO.sub(Word.ONE)).isEqualTo(Word.MAX);
        assertThat(Word.MAX.mul(Word.MAX)).isEqualTo(Word.ONE);
        assertThat(w("ffffffffffffffff").mul(w("ffffffffffffffff"))).isEqualTo(w("fffffffffffffffe0000000000000001"));
        assertThat(Word.of(2).exp(Word.of(256))).isEqualTo(Word.ZERO);
        assertThat(Word.of(7).div(Word.ZERO)).isEqualTo(Word.ZERO);
        assertThat(Word.of(7).addmod(Word.MAX, Word.of(5))).isEqualTo(Word.of(new BigInteger("2").pow(256).add(BigInteger.valueOf(6)).mod(BigInteger.valueOf(5))));
    }

    @Test
    void signedOperationsUseTwosComplement() {
        Word minusOne = Word.MAX;
        assertThat(MIN_SIGNED.sdiv(minusOne)).isEqualTo(MIN_SIGNED); // the one overflow of signed division
        assertThat(Word.of(7).negate().smod(Word.of(3))).isEqualTo(Word.ONE.negate()); // the dividend's sign
        assertThat(minusOne.compareSigned(Word.ONE)).isNegative();
        assertThat(Word.of(0xFF).signExtend(Word.ZERO)).isEqualTo(minusOne);
        assertThat(Word.of(0x7F).signExtend(Word.ZERO)).isEqualTo(Word.of(0x7F));
        assertThat(Word.of(0x1234_80FFL).signExtend(Word.ONE)).isEqualTo(Word.of(0x80FF).sub(Word.of(0x10000)));
        assertThat(MIN_SIGNED.sar(Word.of(254))).isEqualTo(Word.of(2).negate());
        assertThat(MIN_SIGNED.sar(Word.of(300))).isEqualTo(minusOne);
    }

    @Test
    void bytesAndShifts() {
        Word x = w("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
        assertThat(x.byteAt(Word.ZERO)).isEqualTo(Word.ONE);
        assertThat(x.byteAt(Word.of(31))).isEqualTo(Word.of(0x20));
        assertThat(x.byteAt(Word.of(32))).isEqualTo(Word.ZERO);
        assertThat(x.shl(Word.of(8)).shr(Word.of(8))).isEqualTo(x.and(Word.MAX.shr(Word.of(8))));
        assertThat(x.shr(Word.of(68))).isEqualTo(Word.of(x.toBigInteger().shiftRight(68)));
        assertThat(Word.fromBytes(x.toBytes())).isEqualTo(x);
        assertThat(x.byteLength()).isEqualTo(32);
        assertThat(Word.of(0x100).byteLength()).isEqualTo(2);
    }
}
