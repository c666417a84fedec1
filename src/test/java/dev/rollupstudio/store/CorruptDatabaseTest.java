package dev.rollupstudio.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.Launcher;
import dev.rollupstudio.app.Runtimes;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.workload.Load;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged or emptied database, opened by the CLI as a user would: one sentence that says what
 * is wrong and what to do, never a page of stack traces, and never a silent new chain.
 */
class CorruptDatabaseTest {
    @TempDir static Path dir;
    private static Path chain;

    @BeforeAll
    static void storeAChain() {
        chain = dir.resolve("chain");
        try (RollupRuntime rt = Runtimes.open(RuntimeOptions.defaults().withDatabase(chain))) {
            Load.start(rt, 200, 0.01, true, Long.MAX_VALUE);
            rt.runBlocks(40);
        }
    }

    /** Runs the CLI in its own JVM (so its logging is the real one) and returns exit code and everything it printed. */
    private static Result cli(String... args) throws Exception {
        Path log = Files.createTempFile(dir, "cli", ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(log));
    }

    record Result(int code, String output) {
        void isOneCleanSentence(String expected) {
            assertThat(code).as(output).isEqualTo(2);
            assertThat(output.lines().count()).as(output).isLessThanOrEqualTo(2);
            assertThat(output).contains(expected).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("could not close");
        }
    }

    private static Path copy(String name) throws IOException {
        Path to = dir.resolve(name);
        try (Stream<Path> files = Files.walk(chain)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) Files.copy(p, to.resolve(chain.relativize(p).toString()));
        }
        return to;
    }

    @Test
    void h2sWrappedExceptionsAreReadAsTheirInnermostFact() {
        String h2 = "General error: \"org.h2.mvstore.MVStoreException: Unable to read the page at position 0x1b4002037296, chunk chunk:6d, "
                + "offset 0xorg.h2.message.DbException: File corrupted while reading record: \"\"type: 229\"\". "
                + "Possible solution: use the recovery tool [90030-232] [2.3.232/6]\"; SQL statement:";
        assertThat(Database.readable(h2)).isEqualTo("File corrupted while reading record: \"type: 229\". Possible solution: use the recovery tool");
        assertThat(Database.readable("Database may be already in use: null [90020-232]")).isEqualTo("Database may be already in use: null");
        assertThat(Database.isCorruption(new java.sql.SQLException(h2))).isTrue();
        assertThat(Database.isCorruption(new java.sql.SQLException("No space left on device"))).isFalse();
    }

    @Test
    void randomBlocksOfGarbageGiveOneSentence() throws Exception {
        Path db = copy("garbage");
        SplittableRandom rnd = new SplittableRandom(9);
        try (RandomAccessFile f = new RandomAccessFile(db.resolve("runtime.mv.db").toFile(), "rw")) {
            for (int i = 0; i < 9; i++) {
                byte[] junk = new byte[4096];
                rnd.nextBytes(junk);
                f.seek(rnd.nextLong(Math.max(1, f.length() - 4096)));
                f.write(junk);
            }
        }
        Result r = cli("run", "--db", db.toString(), "--blocks", "2");
        if (r.code() != 0) r.isOneCleanSentence("the database in " + db); // garbage in unused pages may leave the chain readable
    }

    @Test
    void flippedBytesKeepH2sOwnReasonAndSayWhatToDo() throws Exception {
        Path db = copy("flipped");
        SplittableRandom rnd = new SplittableRandom(400);
        try (RandomAccessFile f = new RandomAccessFile(db.resolve("runtime.mv.db").toFile(), "rw")) {
            for (int i = 0; i < 400; i++) {
                long at = rnd.nextLong(f.length());
                f.seek(at);
                int b = f.read();
                f.seek(at);
                f.write(b ^ 0xff);
            }
        }
        Result r = cli("run", "--db", db.toString(), "--blocks", "2");
        r.isOneCleanSentence("the database in " + db);
        assertThat(r.output()).contains("is damaged").contains("Move the folder away to start fresh (for a chain, run --reset)")
                .contains("org.h2.tools.Recover -dir " + db.toAbsolutePath());
    }

    @Test
    void anEmptiedDatabaseIsAnErrorUntilTheUserSaysReset() throws Exception {
        Path db = copy("emptied");
        Files.write(db.resolve("runtime.mv.db"), new byte[0]);
        cli("run", "--db", db.toString(), "--blocks", "2").isOneCleanSentence("is empty (0 bytes): it holds no chain");
        Result reset = cli("run", "--db", db.toString(), "--blocks", "2", "--reset");
        assertThat(reset.code()).as(reset.output()).isZero();
        assertThat(reset.output()).contains("reset         deleted the chain in").contains("(resumed at block 0)");
    }
}
