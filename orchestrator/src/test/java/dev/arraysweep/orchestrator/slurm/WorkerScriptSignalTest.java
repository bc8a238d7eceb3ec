package dev.arraysweep.orchestrator.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.orchestrator.grid.SlurmSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the rendered batch script with plain bash, as slurmd would, to check its signal forwarding. */
class WorkerScriptSignalTest {

    static final String TRAPPING_WORKER =
            """
            #!/bin/bash
            d=$ARRAYSWEEP_WORKDIR
            run=$((SLURM_ARRAY_TASK_ID + ARRAYSWEEP_INDEX_OFFSET))
            trap 'echo "USR1 $run" > "$d/signal"; exit 3' USR1
            trap 'echo "TERM $run" > "$d/signal"; exit 3' TERM
            touch "$d/started"
            while :; do sleep 0.1; done
            """;

    /** Exits at once with the checkpoint status on either signal, to race the batch shell's wait. */
    static final String CHECKPOINTING_WORKER =
            """
            #!/bin/bash
            trap 'exit 75' USR1 TERM
            touch "$ARRAYSWEEP_WORKDIR/started"
            while :; do sleep 0.1; done
            """;

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"USR1", "TERM"})
    void signalToBatchShell_reachesWorkerAndStatusPropagates(String signal) throws Exception {
        Process batch = start(TRAPPING_WORKER);
        try {
            signalOnceStarted(batch, signal);
            assertThat(batch.exitValue()).isEqualTo(3);
            assertThat(Files.readString(work.resolve("signal")).strip()).isEqualTo(signal + " 1002");
            assertThat(Files.readString(work.resolve("job.out"))).contains("worker exited with status 3");
        } finally {
            batch.destroyForcibly();
        }
    }

    /**
     * The worker checkpoints (exit 75) on either signal; only USR1 (time limit near) asks Slurm to requeue.
     * After TERM a requeue would undo {@code scancel}, and on preemption Slurm requeues the task itself.
     */
    @ParameterizedTest
    @ValueSource(strings = {"USR1", "TERM"})
    void checkpointExit_requeuedAfterUsr1Only(String signal) throws Exception {
        Process batch = start(CHECKPOINTING_WORKER);
        try {
            signalOnceStarted(batch, signal);
            String out = Files.readString(work.resolve("job.out"));
            if (signal.equals("USR1")) {
                assertThat(batch.exitValue()).as(out).isZero();
                assertThat(Files.readString(work.resolve("scontrol.args")).strip())
                        .isEqualTo("requeue 1");
                assertThat(out).contains("worker checkpointed (exit 75); requeueing job 1");
            } else {
                assertThat(batch.exitValue()).as(out).isEqualTo(75);
                assertThat(work.resolve("scontrol.args")).doesNotExist();
                assertThat(out).contains("worker exited with status 75");
            }
        } finally {
            batch.destroyForcibly();
        }
    }

    /** Sends {@code signal} to the batch shell once its worker has started, and waits for the shell to end. */
    private void signalOnceStarted(Process batch, String signal) throws Exception {
        RealSlurmTest.awaitFile(work.resolve("started"), Duration.ofSeconds(10));
        new ProcessBuilder("kill", "-s", signal, Long.toString(batch.pid()))
                .start()
                .waitFor();
        assertThat(batch.waitFor(10, TimeUnit.SECONDS)).as("batch shell ended").isTrue();
    }

    /** Starts the rendered script under bash as task 2 of array 1 (run 1002), with a stand-in scontrol on PATH. */
    private Process start(String workerScript) throws Exception {
        Path worker = RealSlurmTest.executable(work.resolve("worker.sh"), workerScript);
        Path bin = Files.createDirectories(work.resolve("bin"));
        RealSlurmTest.executable(
                bin.resolve("scontrol"), "#!/bin/bash\necho \"$@\" > " + work.resolve("scontrol.args") + "\n");
        SbatchSpec spec = SbatchSpecTest.spec(SlurmSettings.defaults(), work, worker.toString())
                .withArray(new ArrayChunk(1000, List.of(new IndexRange(1002, 1002))));
        Path script = Files.writeString(work.resolve("job.sbatch"), SbatchScript.render(spec));
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("job.out").toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("SLURM_ARRAY_TASK_ID", "2");
        pb.environment().put("SLURM_ARRAY_JOB_ID", "1");
        pb.environment().put("SLURM_JOB_ID", "1");
        return pb.start();
    }
}
