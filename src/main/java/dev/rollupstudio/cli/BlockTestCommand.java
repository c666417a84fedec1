package dev.rollupstudio.cli;

import dev.rollupstudio.evm.BlockTests;
import dev.rollupstudio.evm.StateTests;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;

@Command(name = "blocktest", mixinStandardHelpOptions = true,
        description = "Run Ethereum BlockchainTests (Cancun) block by block on the EVM: state root, receipts root, bloom and gas of every block.")
final class BlockTestCommand extends StateTestCommand {
    @Override List<StateTests.Verdict> run(Path file, Pattern filter) {
        return BlockTests.run(file).stream().filter(v -> filter == null || filter.matcher(v.name()).find()).toList();
    }
}
