package dev.rollupstudio.rpc;

import static dev.rollupstudio.rpc.JsonRpc.DEV0;
import static dev.rollupstudio.rpc.JsonRpc.DEV1;
import static dev.rollupstudio.rpc.JsonRpc.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.contracts.Alt;
import dev.rollupstudio.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** ALT on the devnet's L1, exercised through our EVM by a client: supply, transfer, approve, transferFrom, permit, votes. */
class AltTokenTest {
    static final String DEV2 = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
    static final Credentials KEY1 = Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    static final String ALT = Alt.L1_TOKEN.toHex();
    static final BigInteger ONE = BigInteger.TEN.pow(18);
    static DevnetFixture devnet;

    @BeforeAll static void start() {
        devnet = new DevnetFixture(true);
    }

    @AfterAll static void stop() throws Exception {
        devnet.close();
    }

    @Test void theGenesisSupplyIsSplitAsDocumented() throws Exception {
        String l1 = devnet.l1Url();
        assertThat(string(l1, ALT, "symbol")).isEqualTo("ALT");
        assertThat(string(l1, ALT, "name")).isEqualTo("AltLayer Token");
        assertThat(uint(l1, ALT, "decimals")).isEqualTo(18);
        assertThat(uint(l1, ALT, "totalSupply")).isEqualTo(Alt.SUPPLY).isEqualTo(BigInteger.TEN.pow(28));
        assertThat(balance(l1, DEV0)).isEqualTo(Alt.EACH_DEV);
        assertThat(balance(l1, Alt.STAKING_RESERVE.toHex())).isEqualTo(Alt.STAKING);
        assertThat(balance(l1, Alt.TREASURY.toHex())).isEqualTo(Alt.treasuryShare(10));
        // bridged ALT on the rollup: same symbol, minted only by the bridge, none yet
        String rollup = devnet.rollupUrl();
        assertThat(string(rollup, Alt.L2_TOKEN.toHex(), "symbol")).isEqualTo("ALT");
        assertThat(uint(rollup, Alt.L2_TOKEN.toHex(), "totalSupply")).isZero();
        assertThat(call(rollup, Alt.L2_TOKEN.toHex(), fn("REMOTE_TOKEN"))).endsWith(ALT.substring(2).toLowerCase());
        // an eth_call from a contract's own address runs its code (geth skips EIP-3607 for calls); it once answered 0x
        String self = result(l1, "eth_call", "{\"from\":\"" + ALT + "\",\"to\":\"" + ALT + "\",\"data\":\"" + fn("totalSupply") + "\"}", "\"latest\"").asText();
        assertThat(new BigInteger(self.substring(2), 16)).isEqualTo(Alt.SUPPLY);
        // the dev accounts start with their ALT delegated to themselves: it votes in governance from genesis
        assertThat(votes(l1, DEV0)).isEqualTo(Alt.EACH_DEV);
    }

    @Test void transfersApprovalsPermitAndVotesWorkThroughOurEvm() throws Exception {
        String l1 = devnet.l1Url();
        BigInteger dev2Before = balance(l1, DEV2);
        // transfer, approve and a transferFrom by the approved spender
        mined(l1, send(l1, DEV0, ALT, fn("transfer", new Address(DEV2), new Uint256(ONE.multiply(BigInteger.valueOf(5))))));
        assertThat(balance(l1, DEV2)).isEqualTo(dev2Before.add(ONE.multiply(BigInteger.valueOf(5))));
        mined(l1, send(l1, DEV0, ALT, fn("approve", new Address(DEV1), new Uint256(ONE))));
        mined(l1, send(l1, DEV1, ALT, fn("transferFrom", new Address(DEV0), new Address(DEV2), new Uint256(ONE))));
        assertThat(balance(l1, DEV2)).isEqualTo(dev2Before.add(ONE.multiply(BigInteger.valueOf(6))));
        assertThat(new BigInteger(call(l1, ALT, fn("allowance", new Address(DEV0), new Address(DEV1))).substring(2), 16)).isZero();

        // permit: dev 1 signs an EIP-712 approval for dev 0, who submits it
        byte[] domain = Numeric.hexStringToByteArray(call(l1, ALT, fn("DOMAIN_SEPARATOR")));
        BigInteger nonce = new BigInteger(call(l1, ALT, fn("nonces", new Address(DEV1))).substring(2), 16);
        BigInteger deadline = BigInteger.valueOf(4_000_000_000L);
        byte[] typeHash = Keccak.digest("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)".getBytes());
        byte[] structHash = Keccak.digest(Bytes.concat(typeHash, word(DEV1), word(DEV0), word(ONE.multiply(BigInteger.valueOf(7))), word(nonce), word(deadline)));
        byte[] digest = Keccak.digest(Bytes.concat(new byte[] {0x19, 0x01}, domain, structHash));
        Sign.SignatureData sig = Sign.signMessage(digest, KEY1.getEcKeyPair(), false);
        mined(l1, send(l1, DEV0, ALT, fn("permit", new Address(DEV1), new Address(DEV0), new Uint256(ONE.multiply(BigInteger.valueOf(7))),
                new Uint256(deadline), new Uint8(sig.getV()[0]), new Bytes32(sig.getR()), new Bytes32(sig.getS()))));
        assertThat(new BigInteger(call(l1, ALT, fn("allowance", new Address(DEV1), new Address(DEV0))).substring(2), 16))
                .isEqualTo(ONE.multiply(BigInteger.valueOf(7)));

        // votes: a dev account's ALT votes from genesis (delegated to itself) and follows its balance; delegating moves it
        assertThat(votes(l1, DEV2)).isEqualTo(balance(l1, DEV2)).isEqualTo(dev2Before.add(ONE.multiply(BigInteger.valueOf(6))));
        BigInteger dev0Votes = votes(l1, DEV0);
        mined(l1, send(l1, DEV2, ALT, fn("delegate", new Address(DEV0))));
        assertThat(votes(l1, DEV2)).isZero();
        assertThat(votes(l1, DEV0)).isEqualTo(dev0Votes.add(balance(l1, DEV2)));
    }

    private static byte[] word(String address) {
        return Numeric.toBytesPadded(Numeric.toBigInt(address), 32);
    }

    private static byte[] word(BigInteger v) {
        return Numeric.toBytesPadded(v, 32);
    }

    private static String fn(String name, org.web3j.abi.datatypes.Type<?>... args) {
        return FunctionEncoder.encode(new Function(name, List.of(args), List.of()));
    }

    /** ALT held on the L1. */
    private static BigInteger votes(String url, String who) throws Exception {
        return new BigInteger(call(url, ALT, fn("getVotes", new Address(who))).substring(2), 16);
    }

    private static BigInteger balance(String url, String who) throws Exception {
        return new BigInteger(call(url, ALT, fn("balanceOf", new Address(who))).substring(2), 16);
    }

    private static BigInteger uint(String url, String to, String name) throws Exception {
        return new BigInteger(call(url, to, fn(name)).substring(2), 16);
    }

    private static String string(String url, String to, String name) throws Exception {
        byte[] r = Numeric.hexStringToByteArray(call(url, to, fn(name)));
        int len = new BigInteger(1, java.util.Arrays.copyOfRange(r, 32, 64)).intValueExact();
        return new String(r, 64, len, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String call(String url, String to, String data) throws Exception {
        return result(url, "eth_call", "{\"to\":\"" + to + "\",\"data\":\"" + data + "\"}", "\"latest\"").asText();
    }

    private static String send(String url, String from, String to, String data) throws Exception {
        return result(url, "eth_sendTransaction", "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"data\":\"" + data + "\"}").asText();
    }

    /** Waits for the receipt and checks the transaction succeeded. */
    private static void mined(String url, String hash) throws Exception {
        for (int i = 0; i < 1500; i++) {
            JsonNode r = result(url, "eth_getTransactionReceipt", "\"" + hash + "\"");
            if (!r.isNull()) {
                assertThat(r.get("status").asText()).as(hash).isEqualTo("0x1");
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no receipt for " + hash);
    }

}
