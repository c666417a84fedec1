package dev.rollupstudio.evm;

/** Cancun's gas schedule: the constants of the Yellow Paper and EIPs 150, 2200, 2929, 3529, 3860 and 1153. */
final class Gas {
    private Gas() {}

    static final long ZERO = 0, BASE = 2, VERYLOW = 3, LOW = 5, MID = 8, HIGH = 10, JUMPDEST = 1;
    static final long WARM_ACCESS = 100, COLD_ACCOUNT = 2600, COLD_SLOAD = 2100;
    static final long SSTORE_SET = 20_000, SSTORE_RESET = 2_900, SSTORE_CLEARS_REFUND = 4_800, SSTORE_STIPEND = 2_300;
    static final long CALL_VALUE = 9_000, CALL_STIPEND = 2_300, NEW_ACCOUNT = 25_000;
    static final long CREATE = 32_000, CODE_DEPOSIT = 200, INITCODE_WORD = 2, KECCAK = 30, KECCAK_WORD = 6, COPY_WORD = 3;
    static final long LOG = 375, LOG_TOPIC = 375, LOG_DATA = 8, EXP = 10, EXP_BYTE = 50, BLOCKHASH = 20, SELFDESTRUCT = 5_000;
    static final long TX = 21_000, TX_CREATE = 32_000, TX_DATA_ZERO = 4, TX_DATA_NONZERO = 16;
    static final long ACCESS_LIST_ADDRESS = 2_400, ACCESS_LIST_SLOT = 1_900;
    static final int MAX_CODE_SIZE = 24_576, MAX_INITCODE_SIZE = 2 * MAX_CODE_SIZE;
    static final long MAX_REFUND_QUOTIENT = 5;

    /** The total cost of memory of {@code words} words: 3 per word plus words^2/512. */
    static long memoryCost(long words) {
        return VERYLOW * words + words * words / 512;
    }

    static long words(long bytes) {
        return (bytes + 31) / 32;
    }

    /** All but one 64th: the most a call may pass on (EIP-150). */
    static long allButOne64th(long gas) {
        return gas - gas / 64;
    }
}
