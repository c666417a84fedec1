package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.TxEncoder;
import dev.rollupstudio.runtime.l1.Deposit;
import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.util.ArrayList;
import java.util.List;

/** The deposit transactions an L1 block opens an L2 epoch with; sequencer and verifier derive the same ones. */
public final class DepositTxs {
    /** Gas a deposit of ETH alone buys on L2 (a deposit with data buys the gas limit it asked the portal for). */
    public static final long GAS = 21_000;

    private DepositTxs() {}

    public static List<Transaction> of(L1Block block, long chainId) {
        List<Transaction> out = new ArrayList<>();
        for (Deposit d : block.deposits()) {
            if (d.chainId() != chainId) continue;
            byte[] data = d.data();
            out.add(TxEncoder.deposit(sourceHash(d), d.from(), d.to(), d.value().value(), d.value().value(), data.length == 0 ? GAS : d.gasLimit(), data));
        }
        return out;
    }

    /** OP Stack user-deposit source hash: keccak(bytes32(0) ++ keccak(l1BlockHash ++ bytes32(logIndex))). */
    static Hash sourceHash(Deposit d) {
        byte[] inner = Keccak.digest(Bytes.concat(d.l1BlockHash().raw(), Bytes.leftPad(dev.rollupstudio.chain.rlp.Rlp.minimal(d.logIndex()), 32)));
        return Keccak.hash(Bytes.concat(new byte[32], inner));
    }
}
