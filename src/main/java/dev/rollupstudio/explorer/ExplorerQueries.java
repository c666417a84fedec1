package dev.rollupstudio.explorer;

import dev.rollupstudio.explorer.ExplorerModel.AccountDetail;
import dev.rollupstudio.explorer.ExplorerModel.BatchRow;
import dev.rollupstudio.explorer.ExplorerModel.BlockDetail;
import dev.rollupstudio.explorer.ExplorerModel.BlockRow;
import dev.rollupstudio.explorer.ExplorerModel.OutputRow;
import dev.rollupstudio.explorer.ExplorerModel.TxDetail;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.util.List;
import java.util.Optional;

/** Read-only questions about a stored chain; any thread. */
public interface ExplorerQueries extends AutoCloseable {

    long latestBlock();

    /** Blocks newest first: {@code limit} of them, skipping the {@code offset} newest. */
    List<BlockRow> blocks(long offset, int limit);

    Optional<BlockDetail> block(long number);

    Optional<BlockDetail> block(Hash hash);

    Optional<TxDetail> transaction(Hash hash);

    AccountDetail account(Address address, int historyLimit);

    List<BatchRow> batches(int limit);

    List<OutputRow> outputs(int limit);

    @Override void close();
}
