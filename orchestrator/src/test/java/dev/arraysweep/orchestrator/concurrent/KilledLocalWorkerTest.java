package dev.arraysweep.orchestrator.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalHistory;
import dev.arraysweep.db.task.RunLock;
import dev.arraysweep.testkit.Require;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run-local worker killed hard mid-run (the out-of-memory killer, {@code kill -9}) says nothing: its run would
 * stay {@code running} for ever and run-local would never train it again. Its lock is free, so run-local marks it
 * lost as it ends, and the next run-local resumes it from its checkpoint to the end; {@code status} does the same
 * for a run-local that was itself killed.
 */
class KilledLocalWorkerTest {
    static final int EPOCHS = 15;

    @TempDir
    Path dir;

    @Test
    void aKilledWorker_isMarkedLost_andTheNextRunLocalResumesItsRun() throws Exception {
        Require.fashionMnist();
        Path work = dir.resolve("work");
        Processes p = new Processes(dir.resolve("logs"), Map.of("ARRAYSWEEP_WORKDIR", work.toString()));
        SweepFixture.expand(p, dir, "oom", 1, EPOCHS, 2000);
        Workspace ws = new Workspace(work, null);
        Map<String, String> workers = Map.of("ARRAYSWEEP_WORKER_CLASSPATH", System.getProperty("java.class.path"));

        Processes.Started first = p.start(Processes.ARRAYSWEEP, List.of("run-local", "oom"), workers);
        assertThat(SweepFixture.awaitEpoch(ws.journal("oom", 0), 180))
                .as(SweepFixture.output(first))
                .isTrue();
        // the checkpoint comes right after the epoch's journal line: wait for it, so that there is one to resume
        Path checkpoint = ws.checkpointDir("oom", 0).resolve("checkpoint.bin");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!Files.exists(checkpoint) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(checkpoint).exists();
        Object pid = RunLock.holder(ws.runLock("oom", 0), Duration.ofSeconds(5)).get("pid");
        assertThat(pid).as("the worker wrote its pid into the run's lock").isNotNull();
        ProcessHandle worker = ProcessHandle.of(((Number) pid).longValue()).orElseThrow();
        worker.destroyForcibly(); // SIGKILL: no end event, no checkpoint on exit
        worker.onExit().get();
        assertThat(Files.readString(ws.journal("oom", 0))).as("killed mid-run").doesNotContain("\"type\":\"done\"");

        assertThat(first.exit(120)).as(SweepFixture.output(first)).isNotZero();
        assertThat(first.output())
                .contains("finished run 0 of oom: exit 137")
                .contains("marked run 0 of oom lost: its worker is gone: nobody holds")
                .contains("it resumes from its last checkpoint")
                .contains("0 of 1 run finished ok; 1 lost (the worker was killed; run-local again resumes it)")
                .doesNotContain("failed or diverged");
        String url = Workspace.embeddedUrl(work);
        assertThat(SweepFixture.query(url, "SELECT state FROM run")).containsExactly(Map.of("state", "lost"));

        Processes.Started second = p.start(Processes.ARRAYSWEEP, List.of("run-local", "oom"), workers);
        assertThat(second.exit(300)).as(SweepFixture.output(second)).isZero();
        assertThat(second.output()).contains("1 of 1 run finished ok");
        assertThat(Files.readString(ws.localLog("oom", 0))).contains("resuming from the checkpoint");
        assertThat(SweepFixture.query(url, "SELECT state, attempt, epochs_done FROM run"))
                .containsExactly(Map.of("state", "done", "attempt", 2, "epochs_done", EPOCHS));
        assertThat(SweepFixture.query(url, "SELECT COUNT(DISTINCT epoch) AS e FROM epoch_metric"))
                .containsExactly(Map.of("e", (long) EPOCHS));
    }

    @Test
    void aStoppedRunLocal_stopsItsWorkerAtACheckpoint_andTheNextRunLocalResumesIt() throws Exception {
        Require.fashionMnist();
        Path work = dir.resolve("work");
        Processes p = new Processes(dir.resolve("logs"), Map.of("ARRAYSWEEP_WORKDIR", work.toString()));
        SweepFixture.expand(p, dir, "stop", 1, EPOCHS, 2000);
        Workspace ws = new Workspace(work, null);
        Map<String, String> workers = Map.of("ARRAYSWEEP_WORKER_CLASSPATH", System.getProperty("java.class.path"));

        Processes.Started first = p.start(Processes.ARRAYSWEEP, List.of("run-local", "stop"), workers);
        assertThat(SweepFixture.awaitEpoch(ws.journal("stop", 0), 180))
                .as(SweepFixture.output(first))
                .isTrue();
        first.signal("TERM"); // kill RUN_LOCAL_PID, or the end of the job that ran it
        first.exit(180);
        assertThat(first.output()).contains("stopping 1 worker of stop: each checkpoints");
        assertThat(RunLock.isHeld(ws.runLock("stop", 0)))
                .as("the worker stopped with run-local")
                .isFalse();
        assertThat(JournalHistory.of(ws.journal("stop", 0)).lastEnd()).isEqualTo("preempted");

        Processes.Started second = p.start(Processes.ARRAYSWEEP, List.of("run-local", "stop"), workers);
        assertThat(second.exit(300)).as(SweepFixture.output(second)).isZero();
        assertThat(Files.readString(ws.localLog("stop", 0))).contains("resuming from the checkpoint");
        String url = Workspace.embeddedUrl(work);
        assertThat(SweepFixture.query(url, "SELECT state, attempt, epochs_done FROM run"))
                .containsExactly(Map.of("state", "done", "attempt", 2, "epochs_done", EPOCHS));
    }

    @Test
    void statusMarksLost_aRunWhoseWorkerIsGone_butNotOneThatIsTraining() throws Exception {
        Require.fashionMnist();
        Path work = dir.resolve("work");
        Processes p = new Processes(dir.resolve("logs"), Map.of("ARRAYSWEEP_WORKDIR", work.toString()));
        SweepFixture.expand(p, dir, "two", 2, 40);
        Workspace ws = new Workspace(work, null);
        // two workers as run-local starts them; then run-local and one of them are killed, the other trains on
        Map<String, String> local = Map.of("SLURM_ARRAY_JOB_ID", "local");
        Processes.Started a = p.worker("two", 0, local);
        Processes.Started b = p.worker("two", 1, local);
        try {
            assertThat(SweepFixture.awaitEpoch(ws.journal("two", 0), 180))
                    .as(SweepFixture.output(a))
                    .isTrue();
            assertThat(SweepFixture.awaitEpoch(ws.journal("two", 1), 180))
                    .as(SweepFixture.output(b))
                    .isTrue();
            a.process().destroyForcibly().waitFor();

            // a worker touches its lock every 30 s: status tries only the locks of runs quiet for longer than
            // ARRAYSWEEP_STALE_SECONDS (default 300)
            Processes.Started status =
                    p.start(Processes.ARRAYSWEEP, List.of("status", "two"), Map.of("ARRAYSWEEP_STALE_SECONDS", "0"));
            assertThat(status.exit(120)).as(SweepFixture.output(status)).isZero();
            assertThat(status.output())
                    .contains("marked run 0 of two lost: its worker is gone")
                    .doesNotContain("marked run 1");
            String url = Workspace.embeddedUrl(work);
            assertThat(SweepFixture.query(url, "SELECT array_index, state FROM run ORDER BY array_index"))
                    .containsExactly(
                            Map.of("array_index", 0, "state", "lost"), Map.of("array_index", 1, "state", "running"));
        } finally {
            b.process().destroyForcibly().waitFor();
        }
    }
}
