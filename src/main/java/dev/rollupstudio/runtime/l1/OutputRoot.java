package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.chain.BlockHeader;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;

/**
 * OP Stack output root, version 0: keccak256(version ++ stateRoot ++ messagePasserStorageRoot ++ blockHash).
 * The message passer's storage root is the header's withdrawals root (as from Isthmus).
 */
public final class OutputRoot {
    private OutputRoot() {}

    public static Hash of(BlockHeader header, Hash blockHash) {
        return of(header.stateRoot(), header.withdrawalsRoot(), blockHash);
    }

    public static Hash of(Hash stateRoot, Hash messagePasserStorageRoot, Hash blockHash) {
        return Keccak.hash(Bytes.concat(new byte[32], stateRoot.raw(), messagePasserStorageRoot.raw(), blockHash.raw()));
    }
}
