package dev.rollupstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.chain.Block;
import dev.rollupstudio.chain.Log;
import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.contracts.GenesisContracts;
import dev.rollupstudio.evm.BlockEnv;
import dev.rollupstudio.evm.Evm;
import dev.rollupstudio.evm.ReadOnlyCall;
import dev.rollupstudio.runtime.rollup.Sequencer;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.workload.Mix;
import dev.rollupstudio.workload.TransferWorkload;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Contract traffic end to end: 1,000 Studio Token transfers and 100 Studio Collectible mints are
 * signed, sequenced, executed by the EVM, batched to L1, derived back by the verifier and agreed;
 * no token is created or lost, and every minted id belongs to whoever minted it.
 */
class TokenTrafficTest {
    private static final Hash TRANSFER = dev.rollupstudio.chain.Keccak.hash("Transfer(address,address,uint256)".getBytes());

    @Test
    void tokenTransfersAndMintsAreDerivedAgreedAndConserveTheSupply() {
        RollupRuntime rt = RollupRuntime.inMemory(RuntimeOptions.defaults());
        long chainId = rt.options().rollup().chainId();
        TransferWorkload load = new TransferWorkload(rt.accounts(), rt.options().senders(), chainId, 3, rt.node().state(), new Mix(0, 1, 0));
        BigInteger baseFee = Sequencer.nextBaseFee(rt.options().rollup(), rt.node().chain().head());
        List<Transaction> txs = new ArrayList<>(load.next(1_000, baseFee));
        load.setMix(new Mix(0, 0, 1));
        txs.addAll(load.next(100, baseFee));
        rt.submitAll(txs);
        rt.runFor(5 * 60_000);

        // every transaction was included and succeeded
        List<Receipt> receipts = new ArrayList<>();
        List<Transaction> included = new ArrayList<>();
        for (long n = 1; n <= rt.node().chain().head().number(); n++) {
            Block b = rt.node().chain().block(n).block();
            for (int i = 0; i < b.transactions().size(); i++) {
                if (b.transactions().get(i).to() == null || b.transactions().get(i).type() == dev.rollupstudio.chain.TxType.DEPOSIT) continue;
                included.add(b.transactions().get(i));
                receipts.add(b.receipts().get(i));
            }
        }
        long tokenTxs = included.stream().filter(t -> GenesisContracts.TOKEN.equals(t.to())).count();
        long mintTxs = included.stream().filter(t -> GenesisContracts.COLLECTIBLE.equals(t.to())).count();
        assertThat(tokenTxs).isEqualTo(1_000);
        assertThat(mintTxs).isEqualTo(100);
        assertThat(receipts).allSatisfy(r -> assertThat(r.success()).isTrue());

        // each token transfer left one Transfer event; each mint one Transfer from the zero address
        Set<Address> holders = new HashSet<>(rt.accounts().addresses());
        Map<BigInteger, Address> minted = new HashMap<>();
        for (int i = 0; i < included.size(); i++) {
            for (Log l : receipts.get(i).logs()) {
                assertThat(l.topics().get(0)).isEqualTo(TRANSFER);
                Address to = Address.of(java.util.Arrays.copyOfRange(l.topics().get(2).raw(), 12, 32));
                if (l.address().equals(GenesisContracts.TOKEN)) holders.add(to);
                else minted.put(new BigInteger(1, l.topics().get(3).raw()), to);
            }
        }
        assertThat(minted).hasSize(100);

        // no token created or lost: the balances of every holder add up to the genesis supply
        BigInteger supply = GenesisContracts.TOKENS_EACH.multiply(BigInteger.valueOf(rt.accounts().size()));
        assertThat(view(rt, GenesisContracts.TOKEN, Abi.call("totalSupply()"))).isEqualTo(supply);
        BigInteger sum = BigInteger.ZERO;
        for (Address h : holders) sum = sum.add(view(rt, GenesisContracts.TOKEN, Abi.call("balanceOf(address)", h)));
        assertThat(sum).isEqualTo(supply);
        assertThat(holders.size()).isGreaterThan(rt.accounts().size()); // some transfers went to fresh addresses

        // ids 0..99 minted, each owned by its minter
        assertThat(view(rt, GenesisContracts.COLLECTIBLE, Abi.call("totalMinted()"))).isEqualTo(BigInteger.valueOf(100));
        minted.forEach((id, owner) -> assertThat(Abi.address(callOutput(rt, GenesisContracts.COLLECTIBLE, Abi.call("ownerOf(uint256)", id)), 0))
                .isEqualTo(owner));
        assertThat(minted.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, 100).mapToObj(BigInteger::valueOf).toList());

        // the verifier derived every block from L1 and reached the sequencer's state
        long last = rt.node().chain().head().number();
        assertThat(rt.node().heads().safe()).isGreaterThanOrEqualTo(lastWith(rt, included));
        assertThat(rt.node().derivation().stateRoot()).isEqualTo(rt.node().chain().block(rt.node().heads().safe()).block().header().stateRoot());
        assertThat(last).isPositive();
    }

    private static long lastWith(RollupRuntime rt, List<Transaction> included) {
        Set<Hash> wanted = new HashSet<>();
        for (Transaction t : included) wanted.add(t.hash());
        long last = 0;
        for (long n = 1; n <= rt.node().chain().head().number(); n++) {
            for (Transaction t : rt.node().chain().block(n).block().transactions()) if (wanted.contains(t.hash())) last = n;
        }
        return last;
    }

    static BigInteger view(RollupRuntime rt, Address to, byte[] data) {
        return Abi.uint(callOutput(rt, to, data), 0);
    }

    static byte[] callOutput(RollupRuntime rt, Address to, byte[] data) {
        var head = rt.node().chain().head().header();
        BlockEnv env = new BlockEnv(Address.ZERO, head.number(), head.timestamp(), head.gasLimit(), head.baseFeePerGas(), Hash.ZERO, BigInteger.ONE,
                rt.options().rollup().chainId(), n -> Hash.ZERO);
        Evm.Result r = ReadOnlyCall.run(rt.node().state(), env, Address.ZERO, to, data);
        assertThat(r.success()).as("call to %s: %s", to, r.error()).isTrue();
        return r.output();
    }
}
