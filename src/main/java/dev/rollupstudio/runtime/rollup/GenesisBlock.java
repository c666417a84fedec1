package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.chain.BlockHeader;
import dev.rollupstudio.chain.trie.MerklePatriciaTrie;
import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.state.Genesis;
import dev.rollupstudio.state.WorldState;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.List;

/** Block 0 of a rollup: the genesis state root, no transactions, anchored to an L1 block (its time is the anchor's). */
public final class GenesisBlock {
    private GenesisBlock() {}

    public static SealedBlock of(RollupConfig config, Genesis genesis, WorldState state, L1Block l1Genesis) {
        Hash empty = MerklePatriciaTrie.EMPTY_ROOT;
        BlockHeader h = new BlockHeader(Hash.ZERO, BlockHeader.EMPTY_OMMERS, Predeploys.SEQUENCER_FEE_VAULT, state.root(), empty, empty,
                new byte[256], BigInteger.ZERO, 0, config.gasLimit(), 0, l1Genesis.timestampSeconds(), genesis.extraData(), l1Genesis.hash(),
                new byte[8], genesis.baseFeePerGas(), state.account(Predeploys.L2_TO_L1_MESSAGE_PASSER).storageRoot(), 0L, 0L,
                l1Genesis.hash(), null);
        return new SealedBlock(dev.rollupstudio.chain.Block.of(h, List.of(), List.of()), L1Origin.of(l1Genesis), List.of());
    }
}
