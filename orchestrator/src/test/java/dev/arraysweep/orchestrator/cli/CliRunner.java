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

/** Runs {@code arraysweep} commands in-process against one work directory and captures what they print. */
final class CliRunner {
    final Path workdir;
    final Map<String, String> env = new HashMap<>(System.getenv());

    CliRunner(Path workdir) {
        this.workdir = workdir;
        env.remove("ARRAYSWEEP_DB");
        env.remove("ARRAYSWEEP_WORKDIR");
        env.put("ARRAYSWEEP_WORKER_CLASSPATH", System.getProperty("java.class.path"));
        env.put("ARRAYSWEEP_WORKER_XMX", "-Xmx1g");
    }

    record Result(int code, String out, String err) {
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--workdir");
        all.add(workdir.toString());
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, Clock.systemUTC())
                .run(all.toArray(new String[0]));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
