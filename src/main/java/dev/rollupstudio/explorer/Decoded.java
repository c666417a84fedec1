package dev.rollupstudio.explorer;

import dev.rollupstudio.chain.Eip55;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.Log;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.contracts.Artifact;
import dev.rollupstudio.contracts.GenesisContracts;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Logs and failures in words. ERC-20 and ERC-721 Transfer events are decoded for any contract
 * (three topics: an amount in the data; four: a token id); the Studio Token's amounts are shown in
 * STT. Other events and custom errors are named from the ABIs of our own contracts, or shown as
 * topic / selector and data.
 */
public final class Decoded {
    static final Hash TRANSFER = Keccak.hash("Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII));
    private static final List<Artifact> KNOWN = List.of(Artifact.load("StudioToken"), Artifact.load("StudioCollectible"));
    private static final Map<Hash, String> EVENTS = new HashMap<>();
    private static final Map<String, Artifact.Signature> ERRORS = new HashMap<>();

    static {
        for (Artifact a : KNOWN) {
            EVENTS.putAll(a.events());
            ERRORS.putAll(a.errors());
        }
    }

    private Decoded() {}

    /** One line for a log: "ERC-20 Transfer 12.5 STT from 0xf39F…2266 to 0x7099…79C8", or its event's name and raw fields. */
    public static String log(Log l) {
        List<Hash> t = l.topics();
        if (!t.isEmpty() && t.get(0).equals(TRANSFER) && t.size() == 3 && l.data().length == 32) {
            return "ERC-20 Transfer " + amount(l.address(), Abi.uint(l.data(), 0)) + " from " + who(t.get(1)) + " to " + who(t.get(2));
        }
        if (!t.isEmpty() && t.get(0).equals(TRANSFER) && t.size() == 4 && l.data().length == 0) {
            BigInteger id = new BigInteger(1, t.get(3).raw());
            Address from = topicAddress(t.get(1));
            return "ERC-721 " + (from.equals(Address.ZERO) ? "Mint" : "Transfer") + " token #" + id + (from.equals(Address.ZERO) ? "" : " from " + who(t.get(1)))
                    + " to " + who(t.get(2));
        }
        String name = t.isEmpty() ? null : EVENTS.get(t.get(0));
        StringBuilder sb = new StringBuilder(name != null ? name : t.isEmpty() ? "anonymous log" : "topic " + t.get(0).shortHex());
        for (int i = 1; i < t.size(); i++) sb.append(i == 1 ? " [" : ", ").append(t.get(i).shortHex()).append(i == t.size() - 1 ? "]" : "");
        if (l.data().length > 0) sb.append(" data ").append(l.data().length).append(" bytes");
        return sb.toString();
    }

    /**
     * Why a transaction failed, in words: the halt ("out of gas", "invalid opcode 0xfe"), or for a
     * revert its reason: the Error(string) message, a Panic code, a custom error named from our
     * ABIs (with its arguments), or the selector and data of an unknown one.
     */
    public static String failure(String error, byte[] revertData) {
        if (revertData == null || revertData.length == 0) return error == null ? "failed" : error;
        String reason = Abi.revertReason(revertData);
        if (reason != null) return "reverted: \"" + reason + "\"";
        if (revertData.length < 4) return "reverted with " + Bytes.toHex(revertData);
        String selector = Bytes.toHex(Arrays.copyOf(revertData, 4));
        Artifact.Signature known = ERRORS.get(selector);
        byte[] args = Abi.args(revertData);
        StringBuilder sb = new StringBuilder("reverted with custom error ").append(known != null ? known.display() : selector);
        for (int i = 0; i * 32 < args.length; i++) {
            String type = known != null && i < known.types().size() ? known.types().get(i) : "bytes32";
            sb.append(i == 0 ? ": " : ", ").append(word(type, Abi.wordAt(args, i)));
        }
        return sb.toString();
    }

    /** What a contract we know is ("Studio Token (STT), an OpenZeppelin ERC-20, in the genesis allocation"), or null. */
    public static String contract(Address a) {
        if (a.equals(GenesisContracts.TOKEN)) return "Studio Token (STT), an OpenZeppelin ERC-20, in the genesis allocation";
        if (a.equals(GenesisContracts.COLLECTIBLE)) return "Studio Collectible (STC), an OpenZeppelin ERC-721, in the genesis allocation";
        return null;
    }

    /** A static argument word by its ABI type; a word of unknown type in hex. */
    private static String word(String type, byte[] w) {
        if (type.equals("address")) return Eip55.shortForm(Address.of(Arrays.copyOfRange(w, 12, 32)));
        if (type.startsWith("uint")) return new BigInteger(1, w).toString();
        if (type.startsWith("int")) return new BigInteger(w).toString();
        if (type.equals("bool")) return new BigInteger(1, w).signum() == 0 ? "false" : "true";
        return Bytes.toHex(w);
    }

    /** An amount of one of the devnet's own tokens in whole units with its symbol; of another token, in raw units. */
    private static String amount(Address token, BigInteger raw) {
        String symbol = token.equals(GenesisContracts.TOKEN) ? "STT"
                : token.equals(dev.rollupstudio.contracts.Alt.L1_TOKEN) || token.equals(dev.rollupstudio.contracts.Alt.L2_TOKEN) ? "ALT" : null;
        if (symbol == null) return raw + " (raw units of " + Eip55.shortForm(token) + ")";
        return new BigDecimal(raw, 18).stripTrailingZeros().toPlainString() + " " + symbol;
    }

    private static Address topicAddress(Hash topic) {
        return Address.of(Arrays.copyOfRange(topic.raw(), 12, 32));
    }

    private static String who(Hash topic) {
        return Eip55.shortForm(topicAddress(topic));
    }
}
