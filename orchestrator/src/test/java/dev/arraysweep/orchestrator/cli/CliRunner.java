package dev.arraysweep.orchestrator.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code arraysweep} commands in-process against one work directory and captures what they print; the one
 * in-process runner for every package's tests.
 */
public final class CliRunner {
    final Path workdir;
    final Map<String, String> env;
    private final Clock clock;

    /** A runner with this process's environment, set up to start workers from the test class path. */
    public CliRunner(Path workdir) {
        this(workdir, System.getenv(), Clock.systemUTC());
        env.remove("ARRAYSWEEP_DB");
        env.remove("ARRAYSWEEP_WORKDIR");
        env.put("ARRAYSWEEP_WORKER_CLASSPATH", System.getProperty("java.class.path"));
        env.put("ARRAYSWEEP_WORKER_XMX", "-Xmx1g");
    }

    /** A runner with exactly this environment (e.g. a PATH with stand-ins for Slurm) and clock. */
    public CliRunner(Path workdir, Map<String, String> env, Clock clock) {
        this.workdir = workdir;
        this.env = new HashMap<>(env);
        this.clock = clock;
    }

    /** {@return a runner like this one whose environment also sets {@code name} to {@code value}} */
    CliRunner withEnv(String name, String value) {
        Map<String, String> more = new HashMap<>(env);
        more.put(name, value);
        return new CliRunner(workdir, more, clock);
    }

    /**
     * What one command did.
     *
     * @param code its exit status
     * @param out what it printed on standard output
     * @param err what it printed on standard error
     */
    public record Result(int code, String out, String err) {}

    /** {@return what the command {@code arraysweep ARGS --workdir WORKDIR} did} */
    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--workdir");
        all.add(workdir.toString());
        int code = new Main(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        env,
                        clock)
                .run(all.toArray(new String[0]));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
