package dev.rollupstudio.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.chain.trie.TrieProof;
import dev.rollupstudio.contracts.Artifact;
import dev.rollupstudio.contracts.GenesisContracts;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthGetProof;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.utils.Numeric;

/** The endpoint driven by web3j, a real client: what a developer's tests and scripts do against `rollup-studio node`. */
class Web3jClientTest {
    static final String KEY0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    static final String DEV0 = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    static final String DEV1 = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    static final String TRANSFER_TOPIC = Numeric.toHexString(Keccak.digest("Transfer(address,address,uint256)".getBytes()));

    static DevnetFixture devnet;
    static Web3j web3;
    static HttpService service;
    static Credentials dev0 = Credentials.create(KEY0);

    @BeforeAll static void start() {
        devnet = new DevnetFixture(true);
        service = new HttpService(devnet.rollupUrl(), true);
        web3 = Web3j.build(service);
    }

    @AfterAll static void stop() throws Exception {
        web3.shutdown();
        devnet.close();
    }

    @Test void answersWhoItIsAndWhatTheDevAccountsHold() throws Exception {
        assertThat(web3.ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(901));
        assertThat(web3.netVersion().send().getNetVersion()).isEqualTo("901");
        assertThat(web3.web3ClientVersion().send().getWeb3ClientVersion()).startsWith("RollupStudio/");
        assertThat(web3.ethAccounts().send().getAccounts()).hasSize(10).startsWith(DEV0, DEV1);
        assertThat(web3.ethGetBalance(DEV1, DefaultBlockParameterName.LATEST).send().getBalance()).isEqualTo(new BigInteger("10000000000000000000000"));
        Web3j l1 = Web3j.build(new HttpService(devnet.l1Url()));
        assertThat(l1.ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(900));
        l1.shutdown();
    }

    @Test void deploysAContractCallsItAndFindsItsLogs() throws Exception {
        Artifact token = Artifact.load("StudioToken");
        String args = FunctionEncoder.encodeConstructor(List.of(new DynamicArray<>(Address.class, List.of(new Address(DEV0))), new Uint256(1_000_000)));
        TransactionReceipt deployed = send(null, Numeric.toHexString(token.bytecode()) + args, BigInteger.valueOf(3_000_000));
        assertThat(deployed.isStatusOK()).isTrue();
        String address = deployed.getContractAddress();
        assertThat(address).isNotNull();
        assertThat(Numeric.hexStringToByteArray(web3.ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode())).isEqualTo(token.deployedBytecode());

        String transfer = FunctionEncoder.encode(new Function("transfer", List.of(new Address(DEV1), new Uint256(250)), List.of()));
        var estimated = web3.ethEstimateGas(Transaction.createFunctionCallTransaction(DEV0, null, null, null, address, transfer)).send();
        assertThat(estimated.hasError()).as(() -> estimated.getError().getMessage()).isFalse();
        assertThat(estimated.getResult()).as(estimated.getRawResponse()).isNotNull();
        BigInteger estimate = estimated.getAmountUsed();
        TransactionReceipt sent = send(address, transfer, estimate);
        assertThat(sent.isStatusOK()).as("a transfer sent with exactly the estimated gas succeeds").isTrue();
        assertThat(sent.getGasUsed()).isLessThanOrEqualTo(estimate);
        assertThat(sent.getLogs()).singleElement().satisfies(l -> {
            assertThat(l.getTopics().get(0)).isEqualTo(TRANSFER_TOPIC);
            assertThat(Numeric.toBigInt(l.getData())).isEqualTo(BigInteger.valueOf(250));
        });

        assertThat(Numeric.toBigInt(call(address, balanceOf(DEV1)).getValue())).isEqualTo(BigInteger.valueOf(250));
        assertThat(Numeric.toBigInt(call(address, balanceOf(DEV0)).getValue())).isEqualTo(BigInteger.valueOf(1_000_000 - 250));

        List<EthLog> logs = logs(address);
        assertThat(logs).hasSize(2); // the mint in the constructor, then the transfer
        assertThat(logs.get(1).get().getTransactionHash()).isEqualTo(sent.getTransactionHash());
    }

    @Test void aRevertingCallAnswersCode3WithTheRevertData() throws Exception {
        String tooMuch = FunctionEncoder.encode(new Function("transfer", List.of(new Address(DEV0), new Uint256(1)), List.of()));
        EthCall r = web3.ethCall(Transaction.createEthCallTransaction("0x000000000000000000000000000000000000dEaD", GenesisContracts.TOKEN.toHex(), tooMuch),
                DefaultBlockParameterName.LATEST).send();
        assertThat(r.hasError()).isTrue();
        assertThat(r.getError().getCode()).as(r.getError().getMessage()).isEqualTo(3);
        assertThat(r.getError().getMessage()).isEqualTo("execution reverted");
        // OpenZeppelin's ERC20InsufficientBalance(address,uint256,uint256)
        assertThat(r.getError().getData()).startsWith("\"0xe450d38c").doesNotStartWith("0xe450d38c0").contains("dead");
    }

    /** What Hardhat's loadFixture does between tests: snapshot, change things, revert. */
    @Test void aSnapshotAndARevertUndoATokenTransfer() throws Exception {
        String token = GenesisContracts.TOKEN.toHex();
        BigInteger before = Numeric.toBigInt(call(token, balanceOf(DEV1)).getValue());
        BigInteger nonce = web3.ethGetTransactionCount(DEV0, DefaultBlockParameterName.LATEST).send().getTransactionCount();
        String id = new org.web3j.protocol.core.Request<>("evm_snapshot", List.of(), service, Text.class).send().getResult();

        String transfer = FunctionEncoder.encode(new Function("transfer", List.of(new Address(DEV1), new Uint256(77)), List.of()));
        assertThat(send(token, transfer, BigInteger.valueOf(100_000)).isStatusOK()).isTrue();
        assertThat(Numeric.toBigInt(call(token, balanceOf(DEV1)).getValue())).isEqualTo(before.add(BigInteger.valueOf(77)));

        Boolean reverted = new org.web3j.protocol.core.Request<>("evm_revert", List.of(id), service, Flag.class).send().getResult();
        assertThat(reverted).isTrue();
        assertThat(Numeric.toBigInt(call(token, balanceOf(DEV1)).getValue())).isEqualTo(before);
        assertThat(web3.ethGetTransactionCount(DEV0, DefaultBlockParameterName.LATEST).send().getTransactionCount()).isEqualTo(nonce);
    }

    public static class Text extends org.web3j.protocol.core.Response<String> {}

    public static class Flag extends org.web3j.protocol.core.Response<Boolean> {}

    @Test void theProofOfAnAccountVerifiesAgainstTheBlocksStateRoot() throws Exception {
        var block = web3.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
        EthGetProof.Proof p = web3.ethGetProof(DEV1, List.of("0x0"), Numeric.toHexStringWithPrefix(block.getNumber())).send().getProof();
        List<byte[]> nodes = p.getAccountProof().stream().map(Numeric::hexStringToByteArray).toList();
        byte[] account = TrieProof.verify(Hash.fromHex(block.getStateRoot()), Keccak.digest(Numeric.hexStringToByteArray(DEV1)), nodes);
        assertThat(account).isNotNull();
        assertThat(Numeric.toHexString(account)).contains(Numeric.toHexStringNoPrefix(p.getBalance()));
    }

    @Test void newHeadsArriveOverWebSocket() throws Exception {
        WebSocketService ws = new WebSocketService(devnet.rollupWs(), false);
        ws.connect();
        Web3j client = Web3j.build(ws);
        try {
            var head = client.newHeadsNotifications().take(2).timeout(30, TimeUnit.SECONDS).blockingLast();
            long n = Numeric.toBigInt(head.getParams().getResult().getNumber()).longValueExact();
            assertThat(n).isGreaterThan(0);
            assertThat(web3.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), false).send().getBlock().getHash())
                    .isEqualTo(head.getParams().getResult().getHash());
        } finally {
            client.shutdown();
        }
    }

    @Test void theCallTracerShowsNestedCallsAndATransactionsGas() throws Exception {
        // a contract that STATICCALLs the genesis token's balanceOf(dev 0) and returns the answer
        String code = "0x6370a0823160e01b600052" + "73" + DEV0.substring(2) + "600452"
                + "6020600060246000" + "73" + GenesisContracts.TOKEN.toHex().substring(2) + "5afa" + "5060206000f3";
        String probe = "0x00000000000000000000000000000000000c0de1";
        var body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"debug_traceCall\",\"params\":[{\"from\":\"" + DEV0 + "\",\"to\":\"" + probe
                + "\"},\"latest\",{\"tracer\":\"callTracer\",\"stateOverrides\":{\"" + probe + "\":{\"code\":\"" + code + "\"}}}]}";
        var trace = post(body).get("result");
        assertThat(trace.get("type").asText()).isEqualTo("CALL");
        assertThat(trace.get("to").asText()).isEqualTo(probe);
        var inner = trace.get("calls").get(0);
        assertThat(inner.get("type").asText()).isEqualTo("STATICCALL");
        assertThat(inner.get("from").asText()).isEqualTo(probe);
        assertThat(inner.get("to").asText()).isEqualTo(GenesisContracts.TOKEN.toHex());
        assertThat(inner.has("value")).isFalse();
        assertThat(Numeric.toBigInt(trace.get("output").asText())).isEqualTo(GenesisContracts.TOKENS_EACH);

        String transfer = FunctionEncoder.encode(new Function("transfer", List.of(new Address(DEV1), new Uint256(7)), List.of()));
        TransactionReceipt sent = send(GenesisContracts.TOKEN.toHex(), transfer, BigInteger.valueOf(100_000));
        var traced = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"debug_traceTransaction\",\"params\":[\"" + sent.getTransactionHash()
                + "\",{\"tracer\":\"callTracer\"}]}").get("result");
        assertThat(traced.get("from").asText()).isEqualTo(DEV0);
        assertThat(traced.get("to").asText()).isEqualTo(GenesisContracts.TOKEN.toHex());
        assertThat(Numeric.toBigInt(traced.get("gasUsed").asText())).isEqualTo(sent.getGasUsed());
        assertThat(Numeric.toBigInt(traced.get("gas").asText())).isEqualTo(BigInteger.valueOf(100_000));
        assertThat(Numeric.toBigInt(traced.get("output").asText())).isEqualTo(BigInteger.ONE); // transfer returned true
        var refused = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"debug_traceTransaction\",\"params\":[\"" + sent.getTransactionHash()
                + "\",{\"tracer\":\"prestateTracer\"}]}").get("error");
        assertThat(refused.get("message").asText()).contains("only the callTracer");
    }

    private static com.fasterxml.jackson.databind.JsonNode post(String body) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(devnet.rollupUrl())).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    }

    private static String balanceOf(String who) {
        return FunctionEncoder.encode(new Function("balanceOf", List.of(new Address(who)), List.of()));
    }

    private static EthCall call(String to, String data) throws Exception {
        return web3.ethCall(Transaction.createEthCallTransaction(DEV0, to, data), DefaultBlockParameterName.LATEST).send();
    }

    private interface EthLog {
        Log get();
    }

    private static List<EthLog> logs(String address) throws Exception {
        EthFilter f = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, address);
        f.addSingleTopic(TRANSFER_TOPIC);
        return web3.ethGetLogs(f).send().getLogs().stream().map(r -> (EthLog) () -> (Log) r.get()).toList();
    }

    /** Signs with dev account 0 (EIP-1559), sends raw, waits for the receipt. */
    static synchronized TransactionReceipt send(String to, String data, BigInteger gas) throws Exception {
        BigInteger nonce = web3.ethGetTransactionCount(DEV0, DefaultBlockParameterName.PENDING).send().getTransactionCount();
        BigInteger tip = web3.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();
        BigInteger cap = web3.ethGasPrice().send().getGasPrice().multiply(BigInteger.TWO);
        RawTransaction raw = RawTransaction.createTransaction(901, nonce, gas, to == null ? "" : to, BigInteger.ZERO, data, tip, cap);
        EthSendTransaction sent = web3.ethSendRawTransaction(Numeric.toHexString(TransactionEncoder.signMessage(raw, 901, dev0))).send();
        assertThat(sent.hasError()).as(() -> sent.getError().getMessage()).isFalse();
        for (int i = 0; i < 300; i++) {
            var r = web3.ethGetTransactionReceipt(sent.getTransactionHash()).send().getTransactionReceipt();
            if (r.isPresent()) return r.get();
            Thread.sleep(20);
        }
        throw new AssertionError("no receipt for " + sent.getTransactionHash());
    }
}
