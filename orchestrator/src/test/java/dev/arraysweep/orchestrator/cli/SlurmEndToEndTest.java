package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.orchestrator.slurm.SlurmTestCluster;
import dev.arraysweep.testkit.Require;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slurm loop end to end on the single-node Slurm of {@code slurm/start-slurm.sh} and Fashion-MNIST:
 * expand, submit, wait for status to show every run finished, one at a time (throttle %1); a run made to fail is
 * resubmitted alone; a task told to checkpoint (USR1) is requeued and ends with its twin's metrics.
 */
class SlurmEndToEndTest {
    static final Path FASHION = Require.FASHION_MNIST;

    @TempDir
    Path dir;

    @BeforeAll
    static void slurmAndData() throws Exception {
        Require.fashionMnist();
        SlurmTestCluster.require();
    }

    @Test
    void submitArrayThrottledToOne_runsOneAtATime_thenResubmitRerunsOnlyTheFailedRun() throws Exception {
        Path late = dir.resolve("late-data"); // missing until the resubmit: the run that reads it fails
        SlurmSweeps s = new SlurmSweeps(dir);
        s.expand(
                "slurm-e2e",
                """
                base:
                  dataset: fashion-mnist
                  model: fcnet16
                  epochs: 2
                  batch_size: 64
                  learning_rate: 0.05
                  train_limit: 1000
                  test_limit: 200
                zip:
                  - {seed: [0, 1, 2, 3], data_dir: [FASHION, FASHION, FASHION, LATE]}
                slurm:
                  cpus_per_task: 1
                  time: "10"
                  signal_grace: 30
                  max_concurrent: 1
                  setup: export OMP_NUM_THREADS=1
                """
                        .replace("FASHION", FASHION.toString())
                        .replace("LATE", late.toString()));

        String submit = s.ok("submit", "slurm-e2e");
        assertThat(submit)
                .contains("submitting 4 runs (pending 4) of slurm-e2e in 1 array")
                .containsPattern("job \\d+: --array=0-3%1 \\(runs 0-3\\)");
        String job = SlurmSweeps.jobId(submit);
        assertThat(SlurmTestCluster.run("scontrol", "show", "job", job)).contains("ArrayTaskThrottle=1");

        List<Run> runs = s.awaitSettled("slurm-e2e", job);
        assertThat(runs)
                .extracting(Run::state)
                .as(s.logs("slurm-e2e"))
                .containsExactly(RunState.DONE, RunState.DONE, RunState.DONE, RunState.FAILED);
        assertThat(runs.get(3).errorText()).contains(late.toString()).contains("not a directory");
        assertThat(runs).allSatisfy(r -> assertThat(r.slurmArrayJobId()).isEqualTo(job));
        List<double[]> intervals = runs.stream()
                .map(r -> new double[] {
                    r.startedAt().toEpochMilli() / 1e3, r.endedAt().toEpochMilli() / 1e3
                })
                .toList();
        assertThat(SlurmTestCluster.maxOverlap(intervals)).as("runs at once").isEqualTo(1);

        Files.createSymbolicLink(late, FASHION);
        String resubmit = s.ok("resubmit", "slurm-e2e");
        assertThat(resubmit)
                .contains("resubmitting 1 run (failed 1) of slurm-e2e in 1 array")
                .containsPattern("--array=3%1 \\(runs 3\\)");

        List<Run> after = s.awaitSettled("slurm-e2e", SlurmSweeps.jobId(resubmit));
        assertThat(after).as(s.logs("slurm-e2e")).allSatisfy(r -> assertThat(r.state())
                .isEqualTo(RunState.DONE));
        assertThat(after).extracting(Run::attempt).containsExactly(1, 1, 1, 2);
        assertThat(after.subList(0, 3))
                .extracting(Run::endedAt)
                .containsExactlyElementsOf(
                        runs.subList(0, 3).stream().map(Run::endedAt).toList());
        assertThat(s.ok("status", "slurm-e2e")).contains("8/8").contains("0:00:00");
        assertThat(s.cli.run("submit", "slurm-e2e").code()).isEqualTo(3);
    }

    /**
     * Needs the worker's checkpointing (SIGUSR1/SIGTERM: finish the step, checkpoint, record preempted, exit
     * 75) and resume from {@code Workspace.checkpointDir}: the interrupted run must end with exactly the
     * metrics of its uninterrupted twin (same parameters, another sweep).
     */
    @Test
    void usr1ToRunningTask_checkpointsRequeuesResumes_sameMetricsAsTwin() throws Exception {
        String body =
                """
                base:
                  dataset: fashion-mnist
                  model: fcnet16
                  epochs: 12
                  batch_size: 16
                  learning_rate: 0.02
                  train_limit: 6000
                  test_limit: 500
                  data_dir: FASHION
                slurm:
                  cpus_per_task: 1
                  time: "10"
                  signal_grace: 30
                  setup: export OMP_NUM_THREADS=1
                """
                        .replace("FASHION", FASHION.toString());
        SlurmSweeps s = new SlurmSweeps(dir);
        s.expand("preempted", body);
        s.expand("twin", body);
        String job = SlurmSweeps.jobId(s.ok("submit", "preempted"));
        String twinJob = SlurmSweeps.jobId(s.ok("submit", "twin"));

        // workers journal; status loads the journals into the database (as a researcher's `watch status` does)
        s.await("preempted", "the run's first epoch", Duration.ofMinutes(4), () -> {
            s.ok("status", "preempted");
            return s.runs("preempted").get(0).epochsDone() >= 1;
        });
        SlurmTestCluster.run("scancel", "--batch", "--signal=USR1", job + "_0");

        Run interrupted = s.awaitSettled("preempted", job).get(0);
        Run twin = s.awaitSettled("twin", twinJob).get(0);
        String log = s.logs("preempted");
        assertThat(interrupted.state()).as(log).isEqualTo(RunState.DONE);
        assertThat(interrupted.attempt()).as(log).isEqualTo(2);
        assertThat(log)
                .contains("received SIGUSR1")
                .contains("worker checkpointed (exit 75); requeueing")
                .contains("resuming from the checkpoint")
                .contains("restart 1");
        assertThat(twin.state()).isEqualTo(RunState.DONE);
        try (Database db = s.db()) {
            assertThat(metrics(db, interrupted))
                    .as("metrics per epoch and split, interrupted vs twin")
                    .isEqualTo(metrics(db, twin))
                    .hasSize(24);
        }
    }

    private static List<String> metrics(Database db, Run run) {
        return db.metrics().forRun(run.id()).stream()
                .map(m -> m.epoch() + " " + m.split() + " " + m.accuracy() + " " + m.meanLoss() + " " + m.q90Loss())
                .collect(Collectors.toList());
    }
}
