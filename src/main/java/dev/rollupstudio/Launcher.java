package dev.rollupstudio;

import dev.rollupstudio.cli.Cli;

/**
 * Entry point of the jar and the installers. With no arguments it opens the studio window;
 * {@code --smoke} opens it, loads every screen and exits; with a command it runs the CLI. Not a JavaFX Application, so the fat jar starts on the classpath.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            dev.rollupstudio.ui.StudioApp.launchStudio(args);
            return;
        }
        if (args.length == 1 && args[0].endsWith(".json") && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]))) {
            dev.rollupstudio.ui.StudioApp.launchStudio(args); // opened from a file manager: show that stack
            return;
        }
        if (args[0].equals("--present") && args.length <= 2) {
            dev.rollupstudio.ui.StudioApp.launchStudio(args); // a file after it is opened as usual
            return;
        }
        if (args.length >= 1 && args[0].equals("--ui-bench")) {
            boolean ephemeral = java.util.Arrays.asList(args).contains("ephemeral");
            String seconds = args.length > 1 && !args[1].equals("ephemeral") ? args[1] : "30";
            dev.rollupstudio.ui.StudioApp.launchUiBench(Integer.parseInt(seconds), ephemeral);
            return;
        }
        if (args.length == 1 && args[0].equals("--startup-bench")) {
            dev.rollupstudio.ui.StudioApp.launchStartupBench();
            return;
        }
        if (args.length == 1 && args[0].equals("--smoke")) {
            dev.rollupstudio.ui.StudioApp.launchSmoke();
            return;
        }
        System.exit(Cli.execute(args));
    }
}
