package dev.arraysweep.orchestrator.slurm;

import dev.arraysweep.orchestrator.grid.SlurmSettings;
import static org.assertj.core.api.Assertions.assertThat;

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

    static final String TRAPPING_WORKER = """
            #!/bin/bash
            d=$ARRAYSWEEP_WORKDIR
            run=$((SLURM_ARRAY_TASK_ID + ARRAYSWEEP_INDEX_OFFSET))
            trap 'echo "USR1 $run" > "$d/signal"; exit 3' USR1
            trap 'echo "TERM $run" > "$d/signal"; exit 3' TERM
            touch "$d/started"
            while :; do sleep 0.1; done
            """;

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"USR1", "TERM"})
    void signalToBatchShell_reachesWorkerAndStatusPropagates(String signal) throws Exception {
        Path worker = RealSlurmTest.executable(work.resolve("worker.sh"), TRAPPING_WORKER);
        SbatchSpec spec = SbatchSpecTest.spec(SlurmSettings.defaults(), work, worker.toString())
                .withArray(new ArrayChunk(1000, List.of(new IndexRange(1002, 1002))));
        Path script = Files.writeString(work.resolve("job.sbatch"), SbatchScript.render(spec));

        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("job.out").toFile());
        pb.environment().put("SLURM_ARRAY_TASK_ID", "2");
        pb.environment().put("SLURM_ARRAY_JOB_ID", "1");
        pb.environment().put("SLURM_JOB_ID", "1");
        Process batch = pb.start();
        try {
            RealSlurmTest.awaitFile(work.resolve("started"), Duration.ofSeconds(10));
            new ProcessBuilder("kill", "-s", signal, Long.toString(batch.pid())).start().waitFor();

            assertThat(batch.waitFor(10, TimeUnit.SECONDS)).as("batch shell ended").isTrue();
            assertThat(batch.exitValue()).isEqualTo(3);
            assertThat(Files.readString(work.resolve("signal")).strip()).isEqualTo(signal + " 1002");
            assertThat(Files.readString(work.resolve("job.out"))).contains("worker exited with status 3");
        } finally {
            batch.destroyForcibly();
        }
    }
}
