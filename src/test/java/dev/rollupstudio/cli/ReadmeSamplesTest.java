package dev.rollupstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's command samples are what the commands print today. Every {@code $ rollup-studio}
 * line in a sample block whose output does not depend on the machine (run on an in-memory
 * chain, genesis, spec) is run, and the lines under it must match, wall-clock times aside; a
 * command shown with a comment in place of its output must still run and exit 0.
 * {@code mvn test -Dtest=ReadmeSamplesTest -Dreadme.write=true} rewrites them from the commands.
 */
class ReadmeSamplesTest {
    private static final Path README = Path.of("README.md");
    /** Commands whose output depends on the machine or on data outside the repository (the shared Ethereum fixtures): quoted as measured. */
    private static final Pattern MACHINE_DEPENDENT = Pattern.compile("bench|--ui-bench|--startup-bench|--duration 600|statetest|blocktest|rollup-studio node|rollup-studio ephemeral"
            + "|wallet (new|import|list|balance|send|deposit|withdraw|export|stake|unstake|claim|delegate|undelegate)|rollup-studio gov ");
    private static final Pattern WALL_TIME = Pattern.compile("took [0-9.]+ s");

    @TempDir Path dir;

    @Test
    void samplesMatchWhatTheCommandsPrint() throws Exception {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.add(line);
            if (!line.startsWith("$ rollup-studio ") || MACHINE_DEPENDENT.matcher(line).find()) continue;
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).startsWith("$ ") && !lines.get(end).startsWith("```")) end++;
            List<String> shown = lines.subList(i + 1, end);
            if (shown.isEmpty() && line.contains("#")) {
                execute(line.substring("$ rollup-studio ".length())); // shown with a comment instead of its output: it must still run
                continue;
            }
            List<String> actual = execute(line.substring("$ rollup-studio ".length()));
            checked++;
            if (!normalise(shown).equals(normalise(actual))) stale.add(line + "\n  README:\n" + String.join("\n", shown) + "\n  prints:\n" + String.join("\n", actual));
            out.addAll(actual);
            i = end - 1;
        }
        if (Boolean.getBoolean("readme.write")) Files.write(README, out, StandardCharsets.UTF_8);
        assertThat(checked).isGreaterThanOrEqualTo(6);
        assertThat(stale).as("README samples that drifted (rewrite them with -Dreadme.write=true)").isEmpty();
    }

    /** Runs one sample's command line (double quotes group words): a trailing comment is dropped, "> file" writes stdout there, file names live in a temp folder. */
    private List<String> execute(String commandLine) throws Exception {
        String cmd = commandLine.replaceFirst("\\s+#.*$", "").trim();
        Path redirect = null;
        int gt = cmd.indexOf(" > ");
        if (gt >= 0) {
            redirect = dir.resolve(cmd.substring(gt + 3).trim());
            cmd = cmd.substring(0, gt).trim();
        }
        List<String> args = new ArrayList<>();
        java.util.regex.Matcher words = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(cmd); // "quoted words" are one argument
        while (words.find()) {
            String a = words.group(1) != null ? words.group(1) : words.group(2);
            if (a.equals("mainnet.json")) args.add("src/test/resources/genesis/mainnet.json");
            else if (a.endsWith(".json")) args.add(dir.resolve(a).toString());
            else args.add(a);
        }
        String[] r = CliRun.run(args.toArray(String[]::new));
        assertThat(r[2]).as("stderr of: " + commandLine).doesNotContain("Exception");
        if (redirect != null) {
            Files.writeString(redirect, r[1]);
            return List.of();
        }
        assertThat(r[0]).as("exit code of: " + commandLine).isEqualTo("0");
        return r[1].lines().map(l -> l.replace(dir + "/", "")).toList();
    }

    private static List<String> normalise(List<String> lines) {
        return lines.stream().map(l -> WALL_TIME.matcher(l.stripTrailing()).replaceAll("took _ s")).toList();
    }
}
