package dev.rollupstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.SpecJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of spec and genesis files through the CLI: every one ends in a clean exit
 * code and a sentence, never a thrown exception, a Java class name or a stack trace.
 */
class InputFuzzTest {
    private static final int CASES = 1_500;
    /** What a message a user reads must never contain. */
    private static final Pattern LEAK = Pattern.compile("Cannot invoke|Exception|java\\.|com\\.fasterxml|dev\\.rollupstudio|\\tat |: null\\b|^error: null");
    private static final String GENESIS = """
            {"config": {"chainId": 901}, "gasLimit": "0x1c9c380", "baseFeePerGas": "0x3b9aca00", "timestamp": "0x0", "extraData": "0x",
             "alloc": {"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266": {"balance": "0x21e19e0c9bab2400000"},
                       "0x00000000000000000000000000000000c0ffee00": {"balance": "1", "nonce": "1", "code": "0x6000",
                                                                     "storage": {"0x01": "0x02"}}}}
            """;
    private static final String[] FRAGMENTS = {"{", "}", "[", "]", "\"", ",", ":", "null", "true", "-1", "0", "1e999", "-0.5", "\"x\"",
            "99999999999999999999999999999999999999999999999999999999999999999999999999999999", "{}", "[]", "\u0000", "\\", "NaN", "0x", "\"0xzz\""};

    private static String[] run(String... args) {
        return CliRun.run(args);
    }

    static String mutate(String doc, SplittableRandom rnd) {
        StringBuilder b = new StringBuilder(doc);
        int edits = 1 + rnd.nextInt(3);
        for (int i = 0; i < edits && b.length() > 0; i++) {
            int at = rnd.nextInt(b.length());
            switch (rnd.nextInt(6)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, FRAGMENTS[rnd.nextInt(FRAGMENTS.length)]);
                case 2 -> { // replace a value after a colon with another kind of value
                    int colon = b.indexOf(":", at);
                    if (colon < 0) break;
                    int end = colon + 1;
                    while (end < b.length() && ",}]".indexOf(b.charAt(end)) < 0) end++;
                    b.replace(colon + 1, end, " " + FRAGMENTS[rnd.nextInt(FRAGMENTS.length)]);
                }
                case 3 -> b.setLength(at); // truncated
                case 4 -> b.append(FRAGMENTS[rnd.nextInt(FRAGMENTS.length)]); // text after the end
                default -> b.insert(at, b.substring(at, Math.min(b.length(), at + 1 + rnd.nextInt(40)))); // a run duplicated
            }
        }
        return b.toString();
    }

    private static void assertClean(String[] r, String input, List<String> failures) {
        String all = r[1] + r[2];
        if (!List.of("0", "1", "2").contains(r[0]) || LEAK.matcher(all).find()) {
            failures.add("exit " + r[0] + " for input:\n" + input + "\n--- printed:\n" + all);
        }
    }

    @Test
    void mutatedSpecAndGenesisFilesGetASentenceNeverAStackTrace(@TempDir Path dir) throws Exception {
        SplittableRandom rnd = new SplittableRandom(20261130);
        List<String> specs = Presets.ids().stream().map(id -> SpecJson.write(Presets.get(id))).toList();
        List<String> failures = new ArrayList<>();
        Path spec = dir.resolve("s.rollup.json");
        Path genesis = dir.resolve("g.json");
        for (int i = 0; i < CASES && failures.size() < 5; i++) {
            String s = mutate(specs.get(rnd.nextInt(specs.size())), rnd);
            Files.writeString(spec, s);
            String cmd = List.of("validate", "estimate", "risk").get(i % 3);
            assertClean(run("spec", cmd, spec.toString()), s, failures);
            String g = mutate(GENESIS, rnd);
            Files.writeString(genesis, g);
            assertClean(run("genesis", genesis.toString()), g, failures);
        }
        assertThat(failures).as(String.join("\n\n====\n", failures)).isEmpty();
    }

    @Test
    void oddButWellFormedFilesAreRefusedWithTheirPath(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("f.json");
        String valid = SpecJson.write(Presets.defaultStack());
        String[][] cases = {
                {valid.replace("\"version\" : 1", "\"version\" : 0"), "$.version"},
                {valid.replace("\"version\" : 1", "\"version\" : -3"), "$.version"},
                {valid.trim() + "garbage", "not valid JSON at line"},
                {valid.trim() + "{}", "after the end"},
                {"[".repeat(3_000) + "]".repeat(3_000), "nested"},
                {valid.replaceFirst("\"dataAvailability\" : \\{[^}]*\\},", ""), "$.layers.dataAvailability"},
        };
        for (String[] c : cases) {
            Files.writeString(f, c[0]);
            for (String cmd : List.of("validate", "risk", "estimate")) {
                String[] r = run("spec", cmd, f.toString());
                assertThat(r[0]).as(cmd + " " + c[1]).isNotEqualTo("0");
                assertThat(r[1] + r[2]).as(cmd + " " + c[1]).contains(c[1]).doesNotContainPattern(LEAK);
            }
        }
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80});
        String[] r = run("spec", "validate", f.toString());
        assertThat(r[2]).contains("not a text file").doesNotContainPattern(LEAK);
    }
}
