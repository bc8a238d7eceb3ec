package dev.arraysweep.orchestrator.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code arraysweep} commands in this JVM against one work directory, capturing what they print. */
final class InProcessCli {
    private final Path workDir;
    private final Map<String, String> env;
    private final Clock clock;

    InProcessCli(Path workDir, Map<String, String> env, Clock clock) {
        this.workDir = workDir;
        this.env = new HashMap<>(env);
        this.clock = clock;
    }

    /** What one command did. */
    record Result(int exit, String out, String err) {
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] withWorkdir = new String[args.length + 2];
        System.arraycopy(args, 0, withWorkdir, 0, args.length);
        withWorkdir[args.length] = "--workdir";
        withWorkdir[args.length + 1] = workDir.toString();
        int exit = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, clock).run(withWorkdir);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
