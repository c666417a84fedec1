package dev.rollupstudio.cli;

import dev.rollupstudio.state.Genesis;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "genesis", mixinStandardHelpOptions = true, description = "Compute the state root of a geth-format genesis file.")
final class GenesisCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<file>", description = "genesis JSON (config, alloc with balance, nonce, code, storage)")
    Path file;

    @Override public Integer call() {
        Genesis g = Genesis.load(file);
        System.out.println("stateRoot=" + g.toState().root().toHex());
        System.out.println("accounts=" + g.alloc().size());
        System.out.println("chainId=" + g.chainId());
        return 0;
    }
}
