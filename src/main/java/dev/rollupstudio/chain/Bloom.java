package dev.rollupstudio.chain;

import java.util.List;

/** The 2048-bit logs bloom of the yellow paper: three bits per address and topic. */
public final class Bloom {
    public static final int BYTES = 256;

    private Bloom() {}

    public static byte[] of(List<Log> logs) {
        byte[] bloom = new byte[BYTES];
        for (Log log : logs) {
            add(bloom, log.address().raw());
            log.topics().forEach(t -> add(bloom, t.raw()));
        }
        return bloom;
    }

    public static void or(byte[] into, byte[] other) {
        for (int i = 0; i < BYTES; i++) into[i] |= other[i];
    }

    private static void add(byte[] bloom, byte[] value) {
        byte[] h = Keccak.digest(value);
        for (int i = 0; i < 6; i += 2) {
            int bit = ((h[i] & 0xff) << 8 | (h[i + 1] & 0xff)) & 2047;
            bloom[BYTES - 1 - bit / 8] |= (byte) (1 << (bit % 8));
        }
    }
}
