package dev.rollupstudio.rpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollupstudio.chain.AccessListEntry;
import dev.rollupstudio.chain.Block;
import dev.rollupstudio.chain.BlockHeader;
import dev.rollupstudio.chain.Log;
import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.TxType;
import dev.rollupstudio.evm.Evm;
import dev.rollupstudio.host.ChainBlock;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.List;

/** Blocks, transactions, receipts and logs in the JSON shapes geth and op-geth answer with. */
final class Shapes {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Shapes() {}

    static ObjectNode header(ChainBlock cb) {
        Block b = cb.block();
        BlockHeader h = b.header();
        ObjectNode o = JSON.objectNode();
        o.put("number", Hex.quantity(h.number()));
        o.put("hash", cb.hash().toHex());
        o.put("parentHash", h.parentHash().toHex());
        o.put("nonce", Hex.data(h.nonce()));
        o.put("sha3Uncles", h.ommersHash().toHex());
        o.put("logsBloom", Hex.data(h.logsBloom()));
        o.put("transactionsRoot", h.transactionsRoot().toHex());
        o.put("stateRoot", h.stateRoot().toHex());
        o.put("receiptsRoot", h.receiptsRoot().toHex());
        o.put("miner", h.coinbase().toHex());
        o.put("difficulty", Hex.quantity(h.difficulty()));
        o.put("totalDifficulty", "0x0");
        o.put("extraData", Hex.data(h.extraData()));
        o.put("size", Hex.quantity(size(b)));
        o.put("gasLimit", Hex.quantity(h.gasLimit()));
        o.put("gasUsed", Hex.quantity(h.gasUsed()));
        o.put("timestamp", Hex.quantity(h.timestamp()));
        o.put("mixHash", h.mixHash().toHex());
        if (h.baseFeePerGas() != null) o.put("baseFeePerGas", Hex.quantity(h.baseFeePerGas()));
        if (h.withdrawalsRoot() != null) o.put("withdrawalsRoot", h.withdrawalsRoot().toHex());
        if (h.blobGasUsed() != null) o.put("blobGasUsed", Hex.quantity(h.blobGasUsed()));
        if (h.excessBlobGas() != null) o.put("excessBlobGas", Hex.quantity(h.excessBlobGas()));
        if (h.parentBeaconBlockRoot() != null) o.put("parentBeaconBlockRoot", h.parentBeaconBlockRoot().toHex());
        return o;
    }

    static ObjectNode block(ChainBlock cb, boolean fullTransactions) {
        ObjectNode o = header(cb);
        ArrayNode txs = o.putArray("transactions");
        List<Transaction> list = cb.block().transactions();
        for (int i = 0; i < list.size(); i++) {
            if (fullTransactions) txs.add(transaction(list.get(i), cb, i));
            else txs.add(list.get(i).hash().toHex());
        }
        o.putArray("uncles");
        if (cb.block().header().withdrawalsRoot() != null) o.putArray("withdrawals");
        return o;
    }

    private static long size(Block b) {
        long n = b.header().encode().length;
        for (Transaction t : b.transactions()) n += t.size();
        return n;
    }

    /** A transaction; {@code block} null while it waits in the pool. */
    static ObjectNode transaction(Transaction tx, ChainBlock block, int index) {
        ObjectNode o = JSON.objectNode();
        o.put("hash", tx.hash().toHex());
        o.put("type", Hex.quantity(tx.type().code));
        o.put("nonce", Hex.quantity(tx.nonce()));
        if (block != null) {
            o.put("blockHash", block.hash().toHex());
            o.put("blockNumber", Hex.quantity(block.number()));
            o.put("transactionIndex", Hex.quantity(index));
        } else {
            o.putNull("blockHash");
            o.putNull("blockNumber");
            o.putNull("transactionIndex");
        }
        o.put("from", tx.sender() == null ? null : tx.sender().toHex());
        if (tx.to() == null) o.putNull("to");
        else o.put("to", tx.to().toHex());
        o.put("value", Hex.quantity(tx.value()));
        o.put("gas", Hex.quantity(tx.gasLimit()));
        o.put("input", Hex.data(tx.data()));
        if (tx.type() == TxType.DEPOSIT) {
            Transaction.Deposit d = tx.deposit();
            o.put("sourceHash", d.sourceHash().toHex());
            o.put("mint", Hex.quantity(d.mint()));
            o.put("isSystemTx", d.systemTx());
            o.put("gasPrice", "0x0");
            o.put("v", "0x0");
            o.put("r", "0x0");
            o.put("s", "0x0");
            return o;
        }
        BigInteger baseFee = block == null ? null : block.block().header().baseFeePerGas();
        boolean feeMarket = tx.type() == TxType.DYNAMIC_FEE || tx.type() == TxType.BLOB;
        o.put("gasPrice", Hex.quantity(feeMarket && baseFee != null ? tx.effectiveGasPrice(baseFee) : tx.maxFeePerGas()));
        if (feeMarket) {
            o.put("maxFeePerGas", Hex.quantity(tx.maxFeePerGas()));
            o.put("maxPriorityFeePerGas", Hex.quantity(tx.maxPriorityFeePerGas()));
        }
        if (tx.type() == TxType.BLOB) {
            o.put("maxFeePerBlobGas", Hex.quantity(tx.maxFeePerBlobGas()));
            ArrayNode hashes = o.putArray("blobVersionedHashes");
            for (Hash h : tx.blobVersionedHashes()) hashes.add(h.toHex());
        }
        if (tx.chainId() != null) o.put("chainId", Hex.quantity(tx.chainId()));
        if (tx.type() != TxType.LEGACY) {
            ArrayNode access = o.putArray("accessList");
            for (AccessListEntry e : tx.accessList()) {
                ObjectNode a = access.addObject();
                a.put("address", e.address().toHex());
                ArrayNode keys = a.putArray("storageKeys");
                for (Hash k : e.storageKeys()) keys.add(k.toHex());
            }
            o.put("yParity", Hex.quantity(tx.v()));
        }
        o.put("v", Hex.quantity(tx.v()));
        o.put("r", Hex.quantity(tx.r()));
        o.put("s", Hex.quantity(tx.s()));
        return o;
    }

    /** The receipt of the block's {@code index}th transaction, with op-geth's L1 fee field on a rollup. */
    static ObjectNode receipt(ChainBlock cb, int index) {
        Block b = cb.block();
        Transaction tx = b.transactions().get(index);
        Receipt r = b.receipts().get(index);
        ObjectNode o = JSON.objectNode();
        o.put("transactionHash", tx.hash().toHex());
        o.put("transactionIndex", Hex.quantity(index));
        o.put("blockHash", cb.hash().toHex());
        o.put("blockNumber", Hex.quantity(cb.number()));
        o.put("from", tx.sender().toHex());
        if (tx.to() == null) o.putNull("to");
        else o.put("to", tx.to().toHex());
        o.put("cumulativeGasUsed", Hex.quantity(r.cumulativeGasUsed()));
        o.put("gasUsed", Hex.quantity(r.gasUsed()));
        BigInteger baseFee = b.header().baseFeePerGas();
        o.put("effectiveGasPrice", Hex.quantity(tx.isDeposit() || baseFee == null ? BigInteger.ZERO : tx.effectiveGasPrice(baseFee)));
        Address created = tx.to() == null && r.success() ? Evm.createAddress(tx.sender(), tx.nonce()) : null;
        if (created == null) o.putNull("contractAddress");
        else o.put("contractAddress", created.toHex());
        o.set("logs", logs(cb, index));
        o.put("logsBloom", Hex.data(r.bloom()));
        o.put("type", Hex.quantity(tx.type().code));
        o.put("status", r.success() ? "0x1" : "0x0");
        if (r.depositNonce() != null) {
            o.put("depositNonce", Hex.quantity(r.depositNonce()));
            o.put("depositReceiptVersion", "0x1");
        }
        if (cb.l1Fees() != null && !tx.isDeposit()) o.put("l1Fee", Hex.quantity(cb.l1Fees().get(index)));
        return o;
    }

    /** The logs of one transaction, with their block-wide index. */
    static ArrayNode logs(ChainBlock cb, int txIndex) {
        ArrayNode out = JSON.arrayNode();
        int logIndex = 0;
        List<Receipt> receipts = cb.block().receipts();
        for (int i = 0; i < txIndex; i++) logIndex += receipts.get(i).logs().size();
        for (Log l : receipts.get(txIndex).logs()) out.add(log(cb, txIndex, logIndex++, l));
        return out;
    }

    static ObjectNode log(ChainBlock cb, int txIndex, int logIndex, Log l) {
        ObjectNode o = JSON.objectNode();
        o.put("address", l.address().toHex());
        ArrayNode topics = o.putArray("topics");
        for (Hash t : l.topics()) topics.add(t.toHex());
        o.put("data", Hex.data(l.data()));
        o.put("blockNumber", Hex.quantity(cb.number()));
        o.put("blockHash", cb.hash().toHex());
        o.put("blockTimestamp", Hex.quantity(cb.block().header().timestamp()));
        o.put("transactionHash", cb.block().transactions().get(txIndex).hash().toHex());
        o.put("transactionIndex", Hex.quantity(txIndex));
        o.put("logIndex", Hex.quantity(logIndex));
        o.put("removed", false);
        return o;
    }
}
