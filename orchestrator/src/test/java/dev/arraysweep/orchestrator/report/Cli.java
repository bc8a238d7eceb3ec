package dev.arraysweep.orchestrator.report;

import dev.arraysweep.orchestrator.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Runs {@code arraysweep} in-process on one work directory and keeps what it printed. */
final class Cli {
    /**
     * What one command did.
     *
     * @param code its exit status
     * @param out what it printed on standard output
     * @param err what it printed on standard error
     */
    record Result(int code, String out, String err) {
    }

    private final Path workdir;

    Cli(Path workdir) {
        this.workdir = workdir;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("ARRAYSWEEP_WORKDIR", workdir.toString()), Clock.systemUTC()).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
