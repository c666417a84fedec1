package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.TxEncoder;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.wallet.DevAccounts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Signed L1 transactions that reach a rollup through its portal, from a dev account. */
public final class DepositCalls {
    private DepositCalls() {}

    /**
     * A dev account's signed L1 transactions that make an L2 call through the rollup's portal: how
     * a user forces a transaction past a censoring sequencer. With ETH as the rollup's coin, one
     * {@code depositTransaction}; with a gas token ({@code gasToken}, its L1 ERC-20), an approval of
     * the value when there is one, then {@code depositERC20Transaction}.
     */
    public static List<Transaction> of(EmbeddedL1 l1, DevAccounts accounts, int account, long chainId, Address gasToken,
                                     Address to, BigInteger value, long l2GasLimit, byte[] data) {
        var bytes = new Abi.DynamicBytes(data);
        Address portal = SystemContracts.portal(chainId);
        List<byte[]> calls = new ArrayList<>();
        List<Address> targets = new ArrayList<>();
        if (gasToken != null && value.signum() > 0) {
            calls.add(Abi.call("approve(address,uint256)", portal, value));
            targets.add(gasToken);
        }
        calls.add(gasToken == null
                ? Abi.call("depositTransaction(address,uint256,uint64,bool,bytes)", to, value, l2GasLimit, false, bytes)
                : Abi.call("depositERC20Transaction(address,uint256,uint256,uint64,bool,bytes)", to, value, value, l2GasLimit, false, bytes));
        targets.add(portal);
        BigInteger tip = BigInteger.TEN.pow(9);
        long nonce = l1.pendingNonce(accounts.address(account));
        List<Transaction> out = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            BigInteger ethValue = gasToken == null && targets.get(i).equals(portal) ? value : BigInteger.ZERO;
            var u = UnsignedTransaction.transfer(EmbeddedL1.CHAIN_ID, nonce + i, targets.get(i), ethValue, tip,
                    l1.baseFee().shiftLeft(1).add(tip)).withData(calls.get(i)).withGasLimit(100_000 + 16L * data.length + (gasToken != null ? 60_000 : 0));
            out.add(TxEncoder.sign(u, accounts.key(account)));
        }
        return out;
    }
}
