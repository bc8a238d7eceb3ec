package dev.arraysweep.orchestrator.slurm;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs commands with {@link ProcessBuilder}, reading stdout and stderr concurrently so neither blocks.
 * Programs are looked up on the PATH given (the command's environment, which tests may point elsewhere).
 */
final class ProcessCommandRunner implements CommandRunner {

    /** Own daemon threads: the common pool has a single thread on a 2-core machine. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "slurm-command-output");
        t.setDaemon(true);
        return t;
    });

    private final String path;

    /** @param path the directories to look programs up in, separated by ':'; null for none */
    ProcessCommandRunner(String path) {
        this.path = path == null ? "" : path;
    }

    @Override
    public boolean has(String program) {
        return program.contains("/") ? Files.isExecutable(Path.of(program)) : find(program, path) != null;
    }

    @Override
    public Result run(List<String> command, Duration timeout) throws IOException, TimeoutException {
        String program = command.get(0);
        Path executable = program.contains("/") ? Path.of(program) : find(program, path);
        if (executable == null) {
            throw new NoSuchFileException(program, null, "not on PATH");
        }
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, executable.toString());
        ProcessBuilder builder =
                new ProcessBuilder(resolved).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("PATH", path);
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()), READERS);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()), READERS);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new TimeoutException(
                        String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), out.get(), err.get());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running " + program);
        } catch (ExecutionException e) {
            throw new IOException("could not read the output of " + program, e.getCause());
        }
    }

    /** {@return whether {@code program} is on this process's PATH} */
    static boolean onPath(String program) {
        return find(program, System.getenv().getOrDefault("PATH", "")) != null;
    }

    private static Path find(String program, String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Path.of(dir, program);
            }
        }
        return null;
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
