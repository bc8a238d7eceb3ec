package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.orchestrator.slurm.SlurmTestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code status}, {@code resubmit} and {@code cancel} do about workers that stop early, on the single-node
 * Slurm of {@code slurm/start-slurm.sh}: a killed worker's run is marked lost and resumed by a resubmit; a
 * cancelled array stays cancelled, and its worker checkpoints.
 *
 * <p>A tiny run trains for about a second, too short to hit it by chance: each test freezes the worker
 * ({@code SIGSTOP}) as soon as it has trained an epoch, so that the kill or cancel comes mid-training.
 */
class SlurmRecoveryTest {
    private static final String TINY = SlurmSweeps.tinySweep(3, 4, "[0]", null);

    @TempDir
    Path dir;

    @BeforeAll
    static void slurmAndData() throws Exception {
        dev.arraysweep.testkit.Require.fashionMnist();
        SlurmTestCluster.require();
    }

    @Test
    void killedWorker_markedLostByStatus_thenResubmitResumesItToDone() throws Exception {
        SlurmSweeps s = new SlurmSweeps(dir);
        s.expand("killed", TINY);
        String job = SlurmSweeps.jobId(s.ok("submit", "killed"));
        Path checkpoint = s.workspace.checkpointDir("killed", 0).resolve("checkpoint.bin");
        s.await("killed", "the checkpoint after epoch 1", Duration.ofMinutes(4), () -> Files.exists(checkpoint));
        s.signalWorker("killed", 0, "STOP");
        assertThat(s.count("killed", 0, JournalEvent.DONE))
                .as("done before it could be stopped")
                .isZero();

        s.signalWorker("killed", 0, "KILL");

        s.await("killed", "Slurm ending task " + job + "_0", Duration.ofSeconds(60), () -> SlurmSweeps.finished(job));
        assertThat(SlurmSweeps.tasks(job)).containsExactly(job + "_0|FAILED");
        CliRunner strict = s.cli.withEnv("ARRAYSWEEP_STALE_SECONDS", "3");
        String[] status = {""};
        s.await("killed", "status marking run 0 lost", Duration.ofSeconds(60), () -> (status[0] =
                        strict.run("status", "killed").out())
                .contains("marked run 0"));
        assertThat(status[0])
                .containsPattern("marked run 0 of killed lost: Slurm reports task " + job
                        + "_0 FAILED; last heartbeat \\d+ s ago");
        assertThat(s.runs("killed")).singleElement().extracting(Run::state).isEqualTo(RunState.LOST);

        String resubmit = s.ok("resubmit", "killed");

        assertThat(resubmit)
                .contains("resubmitting 1 run (lost 1) of killed in 1 array")
                .contains("--array=0 (runs 0)");
        Run run = s.awaitSettled("killed", SlurmSweeps.jobId(resubmit)).get(0);
        String logs = s.logs("killed");
        assertThat(run.state()).as(logs).isEqualTo(RunState.DONE);
        assertThat(run.attempt()).isEqualTo(2);
        assertThat(run.epochsDone()).isEqualTo(3);
        assertThat(logs).contains("worker exited with status 137").contains("resuming from the checkpoint");
        try (Database db = s.db()) {
            assertThat(db.metrics().forRun(run.id()))
                    .as("one row per epoch and split")
                    .hasSize(6);
        }
    }

    @Test
    void cancelCommand_endsTaskCancelled_notRequeued_workerCheckpoints() throws Exception {
        SlurmSweeps s = new SlurmSweeps(dir);
        s.expand("cancelled", TINY);
        String job = SlurmSweeps.jobId(s.ok("submit", "cancelled"));
        s.await("cancelled", "epoch 1", Duration.ofMinutes(4), () -> s.count("cancelled", 0, JournalEvent.EPOCH) > 0);
        s.signalWorker("cancelled", 0, "STOP");
        assertThat(s.count("cancelled", 0, JournalEvent.DONE))
                .as("done before it could be stopped")
                .isZero();

        String cancel = s.ok("cancel", "cancelled");
        s.signalWorker("cancelled", 0, "CONT"); // it finds Slurm's TERM waiting

        assertThat(cancel).contains("cancelled job " + job + " (--array=0, submitted");
        // the batch script requeues only before it prints how the worker exited: after that line, none can follow
        s.await("cancelled", "the task's end", Duration.ofSeconds(90), () -> s.logs("cancelled")
                .contains("worker exited with status"));
        s.await("cancelled", "Slurm ending the job", Duration.ofSeconds(60), () -> SlurmSweeps.finished(job));
        assertThat(SlurmSweeps.tasks(job)).containsExactly(job + "_0|CANCELLED");
        assertThat(SlurmTestCluster.run("scontrol", "show", "job", job))
                .contains("JobState=CANCELLED")
                .contains("Restarts=0");
        String logs = s.logs("cancelled");
        assertThat(logs)
                .contains("received SIGTERM")
                .contains("worker exited with status 75")
                .doesNotContain("requeueing");
        s.ok("status", "cancelled");
        assertThat(s.runs("cancelled")).singleElement().satisfies(r -> {
            assertThat(r.state()).as(logs).isEqualTo(RunState.PREEMPTED);
            assertThat(r.attempt()).isEqualTo(1);
        });
        assertThat(s.ok("cancel", "cancelled")).contains("nothing to cancel");
    }
}
