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
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true,
                StandardCharsets.UTF_8), Map.of(), Clock.systemUTC());
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(main.run("db", "serve", "--port", Integer.toString(port),
                "--workdir", work.toString())));
        serving.start();

        Pattern url = Pattern.compile("(jdbc:h2:tcp://localhost:" + port + "/\\S+)");
        Instant end = Instant.now().plusSeconds(60);
        Matcher m = url.matcher(out.toString(StandardCharsets.UTF_8));
        while (!m.find()) {
            assertThat(Instant.now()).as("db serve printed no URL: %s", out).isBefore(end);
            Thread.sleep(100);
            m = url.matcher(out.toString(StandardCharsets.UTF_8));
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("serving " + work.toAbsolutePath().normalize() + " on port " + port)
                .contains("set it as slurm.db_url");

        Database db = Database.open(m.group(1), Clock.systemUTC(), false); // created and migrated by serve
        assertThat(db.sweeps().list()).isEmpty();

        serving.interrupt();
        serving.join(30_000);
        assertThat(serving.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("stopped serving");
    }

    @Test
    void unknownSubcommand_exit2_suggests() {
        CliRunner.Result r = new CliRunner(work, Map.of(), Clock.systemUTC()).run("db", "sreve");

        assertThat(r.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(r.err()).contains("unknown db subcommand 'sreve' (did you mean 'serve'?)");
    }

    @Test
    void bindToAllWithoutPassword_exit2() {
        CliRunner.Result r = new CliRunner(work, Map.of(), Clock.systemUTC())
                .run("db", "serve", "--bind", "0.0.0.0");

        assertThat(r.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(r.err()).contains("needs a password: --password-file FILE");
    }
}
