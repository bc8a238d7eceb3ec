package dev.arraysweep.orchestrator.slurm;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** Runs an external command to completion and captures what it printed; a seam for tests. */
@FunctionalInterface
interface CommandRunner {

    /**
     * Runs {@code command} and waits at most {@code timeout}.
     *
     * @throws java.nio.file.NoSuchFileException when the program is not on PATH
     * @throws TimeoutException when it ran longer (it is killed)
     */
    Result run(List<String> command, Duration timeout) throws IOException, TimeoutException;

    /** {@return whether {@code program} can be started (on PATH); runners that cannot tell say yes} */
    default boolean has(String program) {
        return true;
    }

    /** What a finished command left behind. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }
}
