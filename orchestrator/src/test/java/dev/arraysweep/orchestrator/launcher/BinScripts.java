package dev.arraysweep.orchestrator.launcher;

import dev.arraysweep.testkit.Checkout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs this checkout's {@code bin/arraysweep} and {@code bin/worker} the way a user's shell does: the scripts
 * themselves (they build the jars on first use and start the JVMs), no test class path, and an environment
 * without any {@code ARRAYSWEEP_*} variable, so nothing but the scripts decides how workers start.
 */
final class BinScripts {
    /** How long the first build of the jars ({@code mvn -q -DskipTests package}) may take on a busy machine. */
    static final Duration BUILD = Duration.ofMinutes(10);
    /** How long one command may take. */
    static final Duration COMMAND = Duration.ofMinutes(3);

    private final Path bin;
    private final Path logs;
    private int started;

    private BinScripts(Path bin, Path logs) {
        this.bin = bin;
        this.logs = logs;
    }

    /** What a command printed and how it ended. */
    record Result(String command, int code, String out, String err) {
        /** {@return everything about the command, for assertion messages} */
        String describe() {
            return command + " exited " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /**
     * {@return the scripts of this checkout, with the jars built (once: {@code bin/build-if-needed} does nothing
     * when they are newer than the sources)}; each command's output is kept under {@code logs}
     */
    static BinScripts built(Path logs) throws Exception {
        Path arraysweep = Checkout.find("bin/arraysweep")
                .orElseThrow(() -> new AssertionError(
                        "no bin/arraysweep above " + Path.of("").toAbsolutePath()));
        BinScripts scripts = new BinScripts(arraysweep.getParent(), Files.createDirectories(logs));
        Result build = scripts.run(BUILD, logs, "build-if-needed");
        if (build.code() != 0) {
            throw new AssertionError("building the jars failed: " + build.describe());
        }
        return scripts;
    }

    /** {@return the result of {@code bin/arraysweep ARGS}, run in {@code dir}} */
    Result arraysweep(Path dir, String... args) throws Exception {
        return run(COMMAND, dir, "arraysweep", args);
    }

    /** {@return the result of {@code bin/worker ARGS}, run in {@code dir}} */
    Result worker(Path dir, String... args) throws Exception {
        return run(COMMAND, dir, "worker", args);
    }

    private Result run(Duration limit, Path dir, String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(bin.resolve(script).toString()));
        cmd.addAll(List.of(args));
        String command = "bin/" + script + (args.length > 0 ? " " + String.join(" ", args) : "");
        int n = started++;
        Path out = logs.resolve(n + "-" + script + ".out");
        Path err = logs.resolve(n + "-" + script + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().keySet().removeIf(name -> name.startsWith("ARRAYSWEEP_"));
        Process p = pb.start();
        int code;
        if (p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            code = p.exitValue();
        } else {
            p.descendants().forEach(ProcessHandle::destroyForcibly); // run-local's workers too
            p.destroyForcibly().waitFor();
            code = -1;
        }
        return new Result(
                command + (code == -1 ? " (killed after " + limit + ")" : ""),
                code,
                Files.readString(out),
                Files.readString(err));
    }
}
