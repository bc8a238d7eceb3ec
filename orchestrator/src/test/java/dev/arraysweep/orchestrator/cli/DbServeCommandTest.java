package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.repo.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbServeCommandTest {
    @TempDir
    Path work;

    @Test
    void serve_printsUrlThatWorkersCanUse_untilInterrupted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        int port = 0;
        Thread serving = null;
        Matcher m = null;
        for (int attempt = 1; m == null; attempt++) {
            // a port the system just handed out and released; another process may take it before serve binds it
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            out.reset();
            serving = serve(port, out, exit);
            m = awaitUrl(port, out, serving);
            if (m == null) {
                assertThat(exit.get() == ExitException.FAILURE
                                && out.toString(StandardCharsets.UTF_8).contains("is the port taken?")
                                && attempt < 5)
                        .as("%s", out)
                        .isTrue();
            }
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("serving " + work.toAbsolutePath().normalize() + " on port " + port)
                .contains("set it as slurm.db_url");

        Database db = Database.open(m.group(1), Clock.systemUTC(), false); // created and migrated by serve
        assertThat(db.sweeps().list()).isEmpty();

        serving.interrupt();
        serving.join(30_000);
        assertThat(serving.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("stopped serving");
    }

    /** {@return a thread running {@code db serve --port port} on {@code work}, printing to {@code out}} */
    private Thread serve(int port, ByteArrayOutputStream out, AtomicInteger exit) {
        Main main = new Main(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                Map.of(),
                Clock.systemUTC());
        Thread serving = new Thread(() ->
                exit.set(main.run("db", "serve", "--port", Integer.toString(port), "--workdir", work.toString())));
        serving.start();
        return serving;
    }

    /** {@return the match of the URL {@code db serve} printed, or null if it ended without printing one} */
    private static Matcher awaitUrl(int port, ByteArrayOutputStream out, Thread serving) throws InterruptedException {
        Pattern url = Pattern.compile("(jdbc:h2:tcp://localhost:" + port + "/\\S+)");
        Instant end = Instant.now().plusSeconds(60);
        while (true) {
            boolean ended = !serving.isAlive();
            Matcher m = url.matcher(out.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                return m;
            }
            if (ended) {
                return null;
            }
            assertThat(Instant.now()).as("db serve printed no URL: %s", out).isBefore(end);
            Thread.sleep(100);
        }
    }

    @Test
    void unknownSubcommand_exit2_suggests() {
        CliRunner.Result r = new CliRunner(work, Map.of(), Clock.systemUTC()).run("db", "sreve");

        assertThat(r.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(r.err()).contains("unknown db subcommand 'sreve' (did you mean 'serve'?)");
    }

    @Test
    void bindToAllWithoutPassword_exit2() {
        CliRunner.Result r = new CliRunner(work, Map.of(), Clock.systemUTC()).run("db", "serve", "--bind", "0.0.0.0");

        assertThat(r.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(r.err()).contains("needs a password: --password-file FILE");
    }
}
