package dev.rollupstudio.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.types.Bytes;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Vectors published with the Rust port of op-geth's FlzCompressLen (revm, maili-flz). */
class FastLzTest {

    @Test
    void matchesPublishedLengths() {
        assertThat(FastLz.compressedLength(new byte[0])).isZero();
        byte[] ones = new byte[1000];
        Arrays.fill(ones, (byte) 1);
        assertThat(FastLz.compressedLength(ones)).isEqualTo(21);
        assertThat(FastLz.compressedLength(new byte[1000])).isEqualTo(21);
        assertThat(FastLz.compressedLength(Bytes.fromHex("FACADE"))).isEqualTo(4);
        byte[] tx = Bytes.fromHex("02f901550a758302df1483be21b88304743f94f80e51afb613d764fa61751affd3313c190a86bb870151bd62fd12adb8e41ef24f3f000000000000000000000000000000000000000000000000000000000000006e000000000000000000000000af88d065e77c8cc2239327c5edb3a432268e5831000000000000000000000000000000000000000000000000000000000003c1e5000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000a000000000000000000000000000000000000000000000000000000000000000148c89ed219d02f1a5be012c689b4f5b731827bebe000000000000000000000000c001a033fd89cb37c31b2cba46b6466e040c61fc9b2a3675a7f5f493ebd5ad77c497f8a07cdf65680e238392693019b4092f610222e71b7cec06449cb922b93b6a12744e");
        assertThat(FastLz.compressedLength(tx)).isEqualTo(202);
    }

    @Test
    void incompressibleInputGrowsWithEveryByte() {
        byte[] in = new byte[256];
        int previous = 0;
        for (int i = 0; i < 256; i++) {
            in[i] = (byte) i;
            int len = FastLz.compressedLength(Arrays.copyOf(in, i + 1));
            assertThat(len).isGreaterThan(previous);
            previous = len;
        }
    }
}
