package dev.arraysweep.orchestrator.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.task.RunLock;
import dev.arraysweep.orchestrator.server.DbServer;
import dev.arraysweep.testkit.Require;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No two workers ever train the same run, with or without a database: two workers for one index started
 * together, and a requeued task beside a predecessor that still lives; a predecessor killed hard is taken over.
 */
class OneRunOneWorkerTest {
    static final int EPOCHS = 3;
    static final int LONG_EPOCHS = 20;

    @TempDir
    Path dir;

    private static void assertOneTrained(Processes.Started a, Processes.Started b) throws Exception {
        int ca = a.exit(300);
        int cb = b.exit(300);
        assertThat(List.of(ca, cb))
                .as(SweepFixture.output(a) + "\n" + SweepFixture.output(b))
                .containsExactlyInAnyOrder(0, 3);
        Processes.Started loser = ca == 3 ? a : b;
        assertThat(loser.output())
                .contains("run 0 of pair is already being trained by pid")
                .contains("refusing to start a second worker");
    }

    @Test
    void twoWorkersForOneIndex_startedTogether_withoutADatabase_exactlyOneTrains() throws Exception {
        Require.fashionMnist();
        Path work = dir.resolve("work");
        Processes p = new Processes(
                dir.resolve("logs"), Map.of("ARRAYSWEEP_WORKDIR", work.toString(), RunLock.WAIT_ENV, "0"));
        SweepFixture.expand(p, dir, "pair", 1, EPOCHS);
        Processes.Started a = p.worker("pair", 0, Map.of());
        Processes.Started b = p.worker("pair", 0, Map.of());
        assertOneTrained(a, b);

        Processes.Started status = p.arraysweep("status", "pair");
        assertThat(status.exit(120)).as(SweepFixture.output(status)).isZero();
        String url = Workspace.embeddedUrl(work);
        assertThat(SweepFixture.query(url, "SELECT state, attempt FROM run"))
                .containsExactly(Map.of("state", "done", "attempt", 1));
        assertThat(SweepFixture.query(url, "SELECT COUNT(*) AS n FROM epoch_metric"))
                .containsExactly(Map.of("n", (long) EPOCHS * 2));
    }

    @Test
    void twoWorkersForOneIndex_throughDbServe_exactlyOneTrains_andWritesLive() throws Exception {
        Require.fashionMnist();
        Path work = dir.resolve("work");
        Processes p = new Processes(
                dir.resolve("logs"), Map.of("ARRAYSWEEP_WORKDIR", work.toString(), RunLock.WAIT_ENV, "0"));
        SweepFixture.expand(p, dir, "pair", 1, EPOCHS);
        try (DbServer server = DbServer.start(work, 0, "127.0.0.1", "")) {
            Map<String, String> viaServer = Map.of("ARRAYSWEEP_DB", server.url());
            Processes.Started a = p.worker("pair", 0, viaServer);
            Processes.Started b = p.worker("pair", 0, viaServer);
            assertOneTrained(a, b);
            // written live: no ingest has run
            assertThat(SweepFixture.query(server.url(), "SELECT state, attempt FROM run"))
                    .containsExactly(Map.of("state", "done", "attempt", 1));
            assertThat(SweepFixture.query(server.url(), "SELECT COUNT(*) AS n FROM epoch_metric"))
                    .containsExactly(Map.of("n", (long) EPOCHS * 2));
        }
    }

    @Test
    void aRequeuedTaskBesideItsLivePredecessor_isRefused_andAPredecessorKilledHard_isTakenOverAndResumed()
            throws Exception {
        Require.fashionMnist();
        Path work = dir.resolve("work");
        Processes p = new Processes(
                dir.resolve("logs"),
                Map.of("ARRAYSWEEP_WORKDIR", work.toString(), RunLock.WAIT_ENV, "2", "ARRAYSWEEP_STALE_SECONDS", "1"));
        // long enough to be mid-run when the requeued copy starts, even on a quiet machine (6 epochs were not)
        SweepFixture.expand(p, dir, "pair", 1, LONG_EPOCHS, 6000);
        try (DbServer server = DbServer.start(work, 0, "127.0.0.1", "")) {
            Map<String, String> task = Map.of(
                    "ARRAYSWEEP_DB",
                    server.url(),
                    "SLURM_JOB_ID",
                    "900",
                    "SLURM_ARRAY_JOB_ID",
                    "900",
                    "SLURM_ARRAY_TASK_ID",
                    "0");
            Processes.Started first = p.worker("pair", 0, task);
            Workspace ws = new Workspace(work, null);
            assertThat(SweepFixture.awaitEpoch(ws.journal("pair", 0), 120))
                    .as(SweepFixture.output(first))
                    .isTrue();
            Thread.sleep(1500); // the predecessor's heartbeat in the database is now older than the stale limit

            // Slurm's requeued copy of the same job, while the first process still trains
            Map<String, String> requeued = new java.util.HashMap<>(task);
            requeued.put("SLURM_RESTART_COUNT", "1");
            Processes.Started second = p.worker("pair", 0, requeued);
            assertThat(second.exit(120)).as(SweepFixture.output(second)).isEqualTo(3);
            assertThat(second.output())
                    .contains("already being trained by pid " + first.process().pid());
            assertThat(first.process().isAlive()).as("still training").isTrue();

            first.process().destroyForcibly().waitFor(); // kill -9 mid-run: no end event, no checkpoint on exit
            Processes.Started third = p.worker("pair", 0, requeued);
            assertThat(third.exit(300)).as(SweepFixture.output(third)).isZero();
            assertThat(third.output()).contains("attempt 2").contains("resuming from the checkpoint");
            assertThat(SweepFixture.query(server.url(), "SELECT state, attempt, epochs_done FROM run"))
                    .containsExactly(Map.of("state", "done", "attempt", 2, "epochs_done", LONG_EPOCHS));
            assertThat(SweepFixture.query(
                            server.url(), "SELECT COUNT(*) AS n, COUNT(DISTINCT epoch) AS e" + " FROM epoch_metric"))
                    .containsExactly(Map.of("n", 2L * LONG_EPOCHS, "e", (long) LONG_EPOCHS));
        }
    }
}
