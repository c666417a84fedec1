package dev.rollupstudio.rpc;

import static dev.rollupstudio.rpc.JsonRpc.DEV0;
import static dev.rollupstudio.rpc.JsonRpc.DEV1;
import static dev.rollupstudio.rpc.JsonRpc.error;
import static dev.rollupstudio.rpc.JsonRpc.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dev methods test suites lean on (Hardhat's fixtures, Foundry scripts): snapshots of the
 * whole devnet, edits of any account, time moved forward; and the rollup's own verifier, which
 * derives every block again from L1, agreeing with the sequencer through all of them.
 */
class DevMethodsTest {
    static final String SOMEONE = "0x00000000000000000000000000000000000c0ffe";
    static DevnetFixture devnet;

    @BeforeAll static void start() {
        devnet = new DevnetFixture(true);
    }

    @AfterAll static void stop() throws Exception {
        devnet.close();
    }

    @Test void aRevertTakesTheWholeDevnetBackAndTheVerifierStillAgrees() throws Exception {
        String rollup = devnet.rollupUrl();
        String id = result(rollup, "evm_snapshot").asText();
        long blockAtSnapshot = quantity(rollup, "eth_blockNumber");
        long l1AtSnapshot = quantity(devnet.l1Url(), "eth_blockNumber");
        BigInteger dev1Before = balance(rollup, DEV1);
        long nonceBefore = quantity(rollup, "eth_getTransactionCount", "\"" + DEV0 + "\"", "\"latest\"");
        String hash = send(rollup, DEV1, "0xde0b6b3a7640000"); // 1 ETH
        waitFor(() -> receipt(rollup, hash) != null, 30);
        assertThat(balance(rollup, DEV1)).isEqualTo(dev1Before.add(BigInteger.TEN.pow(18)));
        // let the L1 move on too, with the transfer's batch on it
        waitFor(() -> quantityQuietly(devnet.l1Url(), "eth_blockNumber") > l1AtSnapshot + 2, 60);

        assertThat(result(rollup, "evm_revert", "\"" + id + "\"").asBoolean()).isTrue();
        assertThat(balance(rollup, DEV1)).isEqualTo(dev1Before);
        assertThat(receipt(rollup, hash)).isNull();
        assertThat(quantity(rollup, "eth_getTransactionCount", "\"" + DEV0 + "\"", "\"latest\"")).isEqualTo(nonceBefore);
        assertThat(quantity(rollup, "eth_blockNumber")).isBetween(blockAtSnapshot, blockAtSnapshot + 1);
        assertThat(quantity(devnet.l1Url(), "eth_blockNumber")).isBetween(l1AtSnapshot, l1AtSnapshot + 1);
        assertThat(result(rollup, "evm_revert", "\"" + id + "\"").asBoolean()).as("a snapshot is used up by its revert").isFalse();

        // the devnet goes on from there: the same nonce again, and the verifier derives past the revert point
        String again = send(rollup, DEV1, "0x1");
        waitFor(() -> receipt(rollup, again) != null, 30);
        long included = Long.decode(receipt(rollup, again).get("blockNumber").asText());
        waitFor(() -> verifier(v -> (Long) v.safeHead()) > included, 90);
        assertThat(mismatches()).isZero();
    }

    @Test void editsShowAtOnceAndTheNextBlocksAreDerivedWithThem() throws Exception {
        String rollup = devnet.rollupUrl();
        assertThat(result(rollup, "anvil_setBalance", "\"" + SOMEONE + "\"", "\"0x3635c9adc5dea00000\"").isNull()).isTrue();
        assertThat(balance(rollup, SOMEONE)).isEqualTo(new BigInteger("1000000000000000000000"));
        assertThat(result(rollup, "hardhat_setNonce", "\"" + SOMEONE + "\"", "\"0x2a\"").asBoolean()).isTrue();
        assertThat(quantity(rollup, "eth_getTransactionCount", "\"" + SOMEONE + "\"", "\"latest\"")).isEqualTo(42);
        // PUSH1 0x2a PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN: returns 42
        result(rollup, "anvil_setCode", "\"" + SOMEONE + "\"", "\"0x602a60005260206000f3\"");
        assertThat(result(rollup, "eth_getCode", "\"" + SOMEONE + "\"", "\"latest\"").asText()).isEqualTo("0x602a60005260206000f3");
        assertThat(new BigInteger(result(rollup, "eth_call", "{\"to\":\"" + SOMEONE + "\"}", "\"latest\"").asText().substring(2), 16)).isEqualTo(42);
        assertThat(result(rollup, "anvil_setStorageAt", "\"" + SOMEONE + "\"", "\"0x5\"",
                "\"0x00000000000000000000000000000000000000000000000000000000000000ff\"").asBoolean()).isTrue();
        assertThat(result(rollup, "eth_getStorageAt", "\"" + SOMEONE + "\"", "\"0x5\"", "\"latest\"").asText()).endsWith("ff");

        long mined = Long.decode(result(rollup, "evm_mine").asText()) >= 0 ? quantity(rollup, "eth_blockNumber") : -1;
        assertThat(balance(rollup, SOMEONE)).as("the next block builds on the edit").isEqualTo(new BigInteger("1000000000000000000000"));
        waitFor(() -> verifier(v -> (Long) v.safeHead()) > mined, 90);
        assertThat(mismatches()).as("the verifier applied the same edits before that block").isZero();

        // the L1 takes edits too; its clock is the slots'
        result(devnet.l1Url(), "hardhat_setBalance", "\"" + SOMEONE + "\"", "\"0x7\"");
        assertThat(balance(devnet.l1Url(), SOMEONE)).isEqualTo(7);
        assertThat(error(devnet.l1Url(), "evm_increaseTime", "60").get("message").asText()).contains("move time on a rollup's endpoint");
        assertThat(error(rollup, "anvil_setBalance", "\"0x12\"", "\"0x1\"").get("message").asText())
                .isEqualTo("invalid argument 0 (address): expected 20 bytes, got 1");
    }

    @Test void timeMovesForwardForTheNextBlocks() throws Exception {
        String rollup = devnet.rollupUrl();
        long before = timestamp(rollup, "latest");
        long shift = result(rollup, "evm_increaseTime", "3600").asLong();
        assertThat(shift).isGreaterThanOrEqualTo(3600);
        result(rollup, "evm_mine");
        assertThat(timestamp(rollup, "latest")).isGreaterThanOrEqualTo(before + 3600);

        long next = timestamp(rollup, "latest") + 1000;
        assertThat(result(rollup, "evm_setNextBlockTimestamp", "\"0x" + Long.toHexString(next) + "\"").isNull()).isTrue();
        result(rollup, "evm_mine");
        assertThat(timestamp(rollup, "latest")).isEqualTo(next);
        long stamped = quantity(rollup, "eth_blockNumber");
        waitFor(() -> verifier(v -> v.safeHead()) > stamped, 90);
        assertThat(mismatches()).as("the verifier derives the shifted blocks from their batches' timestamps").isZero();
        assertThat(error(rollup, "evm_setNextBlockTimestamp", String.valueOf(next - 5)).get("message").asText())
                .contains("is not after the head block's");
        assertThat(error(rollup, "evm_increaseTime", "-5").get("code").asInt()).isEqualTo(-32602);
    }

    @Test void anImpersonatedAccountSendsWithoutItsKeyAndTheVerifierAgrees() throws Exception {
        String rollup = devnet.rollupUrl();
        String whale = "0x00000000000000000000000000000000000000aa";
        result(rollup, "anvil_setBalance", "\"" + whale + "\"", "\"0xde0b6b3a7640000\"");
        String tx = "{\"from\":\"" + whale + "\",\"to\":\"" + DEV1 + "\",\"value\":\"0x2\"}";
        assertThat(error(rollup, "eth_sendTransaction", tx).get("message").asText()).contains("unknown account " + whale);

        assertThat(result(rollup, "hardhat_impersonateAccount", "\"" + whale + "\"").asBoolean()).isTrue();
        String hash = result(rollup, "eth_sendTransaction", tx).asText();
        waitFor(() -> receipt(rollup, hash) != null, 30);
        JsonNode r = receipt(rollup, hash);
        assertThat(r.get("status").asText()).isEqualTo("0x1");
        assertThat(r.get("from").asText()).isEqualTo(whale);
        assertThat(quantity(rollup, "eth_getTransactionCount", "\"" + whale + "\"", "\"latest\"")).isEqualTo(1);
        long included = Long.decode(r.get("blockNumber").asText());
        waitFor(() -> verifier(v -> v.safeHead()) > included, 90);
        assertThat(mismatches()).as("the verifier took the same sender for it").isZero();

        result(rollup, "anvil_stopImpersonatingAccount", "\"" + whale + "\"");
        assertThat(error(rollup, "eth_sendTransaction", tx).get("message").asText()).contains("unknown account " + whale);
    }

    private static long timestamp(String url, String tag) throws Exception {
        return Long.decode(result(url, "eth_getBlockByNumber", "\"" + tag + "\"", "false").get("timestamp").asText());
    }

    private static long mismatches() {
        return verifier(v -> v.mismatches());
    }

    private static <T> T verifier(java.util.function.Function<dev.rollupstudio.runtime.rollup.Derivation, T> read) {
        try {
            return devnet.host.runtime().scheduler().ask(() -> read.apply(devnet.host.runtime().node().derivation())).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String send(String url, String to, String value) throws Exception {
        return result(url, "eth_sendTransaction", "{\"from\":\"" + DEV0 + "\",\"to\":\"" + to + "\",\"value\":\"" + value + "\"}").asText();
    }

    private static JsonNode receipt(String url, String hash) {
        try {
            JsonNode r = result(url, "eth_getTransactionReceipt", "\"" + hash + "\"");
            return r.isNull() ? null : r;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static BigInteger balance(String url, String who) throws Exception {
        return new BigInteger(result(url, "eth_getBalance", "\"" + who + "\"", "\"latest\"").asText().substring(2), 16);
    }

    private static long quantity(String url, String method, String... params) throws Exception {
        return Long.decode(result(url, method, params).asText());
    }

    private static long quantityQuietly(String url, String method) {
        try {
            return quantity(url, method);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }




    private static void waitFor(BooleanSupplier done, int seconds) throws InterruptedException {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("not reached in " + seconds + " s");
            Thread.sleep(20);
        }
    }
}
