package dev.rollupstudio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: the same core as the studio, for scripts and CI. */
@Command(name = "rollup-studio", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Compose modular rollups and run them on an embedded runtime.",
        footer = {"", "With no command it opens the studio window (needs a display).",
                "  <file.rollup.json>    open the studio showing that stack",
                "  --present [file]      open it in presentation mode (18 px text; F5",
                "                        toggles it in the studio)",
                "  --smoke               open it, visit every screen, exit 0 if all load",
                "  --ui-bench [seconds]  run the default stack under load (30 s) and",
                "                        print the UI's pulse times; add 'ephemeral'",
                "                        for the NFT mint scenario's five flash layers",
                "  --startup-bench       time a cold start to the window's first frame"},
        subcommands = {RunCommand.class, GenesisCommand.class, BenchCommand.class, SpecCommand.class, StateTestCommand.class, BlockTestCommand.class, NodeCommand.class, WalletCommand.class, GovernanceCommand.class, EphemeralCommand.class})
public final class Cli implements Runnable {

    @Override public void run() {
        CommandLine.usage(this, System.out);
    }

    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + ex.getMessage()));
            return 2;
        });
        return cl.execute(args);
    }
}
