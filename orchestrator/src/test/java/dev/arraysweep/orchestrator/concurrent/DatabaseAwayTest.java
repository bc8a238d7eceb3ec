package dev.arraysweep.orchestrator.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.orchestrator.server.DbServer;
import dev.arraysweep.testkit.Require;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker never needs the database to train: tasks started while the server is down finish and are loaded
 * once it is back, and a server restarted while workers write live costs nothing.
 */
class DatabaseAwayTest {
    @TempDir
    Path dir;

    @Test
    void tasksStartedWhileTheServerIsDown_finish_andStatusShowsThemDoneOnceItIsBack() throws Exception {
        Require.fashionMnist();
        Path work = dir.resolve("work");
        Processes p = new Processes(dir.resolve("logs"), Map.of("ARRAYSWEEP_WORKDIR", work.toString()));
        SweepFixture.expand(p, dir, "away", 2, 2);
        int port;
        String url;
        try (DbServer server = DbServer.start(work, 0, "127.0.0.1", "")) {
            port = server.port();
            url = server.url();
        }
        // the server is down: workers start from their task files, train, and journal
        Processes.Started a = p.worker("away", 0, Map.of("ARRAYSWEEP_DB", url));
        Processes.Started b = p.worker("away", 1, Map.of("ARRAYSWEEP_DB", url));
        assertThat(a.exit(300)).as(SweepFixture.output(a)).isZero();
        assertThat(b.exit(300)).as(SweepFixture.output(b)).isZero();
        assertThat(a.output())
                .contains("cannot write to the database")
                .contains("journal keeps every result")
                .doesNotContain("Exception\n\tat");

        try (DbServer server = DbServer.start(work, port, "127.0.0.1", "")) {
            Processes.Started status =
                    p.start(Processes.ARRAYSWEEP, List.of("status", "away", "--db", server.url()), Map.of());
            assertThat(status.exit(120)).as(SweepFixture.output(status)).isZero();
            assertThat(status.output()).contains("ingested 8 metric rows");
            assertThat(SweepFixture.query(server.url(), "SELECT array_index, state, attempt FROM run ORDER BY 1"))
                    .containsExactly(
                            Map.of("array_index", 0, "state", "done", "attempt", 1),
                            Map.of("array_index", 1, "state", "done", "attempt", 1));
            assertThat(SweepFixture.query(server.url(), "SELECT COUNT(*) AS n FROM epoch_metric"))
                    .containsExactly(Map.of("n", 8L));
        }
    }

    @Test
    void dbServeRestartedWhileRunLocalTrains_everyRunDone_everyRowOnce_runLocalExitsZero() throws Exception {
        Require.fashionMnist();
        Path work = dir.resolve("work");
        Processes p = new Processes(dir.resolve("logs"), Map.of("ARRAYSWEEP_WORKDIR", work.toString()));
        int epochs = 10;
        SweepFixture.expand(p, dir, "restart", 2, epochs, 3000);
        Workspace ws = new Workspace(work, null);
        DbServer server = DbServer.start(work, 0, "127.0.0.1", "");
        int port = server.port();
        String url = server.url();
        Processes.Started runLocal;
        try {
            runLocal = p.start(
                    Processes.ARRAYSWEEP,
                    List.of("run-local", "restart", "--parallel", "2", "--db", url),
                    Map.of("ARRAYSWEEP_WORKER_CLASSPATH", System.getProperty("java.class.path")));
            assertThat(SweepFixture.awaitEpoch(ws.journal("restart", 0), 180))
                    .as(SweepFixture.output(runLocal))
                    .isTrue();
        } finally {
            server.close(); // the server goes away after the first epoch
        }
        Thread.sleep(3000);
        try (DbServer again = DbServer.start(work, port, "127.0.0.1", "")) {
            assertThat(runLocal.exit(600)).as(SweepFixture.output(runLocal)).isZero();
            assertThat(runLocal.output()).contains("2 of 2 runs finished ok").doesNotContain("internal error");
            String logs = java.nio.file.Files.readString(ws.localLog("restart", 0))
                    + java.nio.file.Files.readString(ws.localLog("restart", 1));
            assertThat(logs).contains("cannot write to the database").contains("the database answers again");
            assertThat(SweepFixture.query(again.url(), "SELECT state, attempt, epochs_done FROM run"))
                    .containsExactly(
                            Map.of("state", "done", "attempt", 1, "epochs_done", epochs),
                            Map.of("state", "done", "attempt", 1, "epochs_done", epochs));
            assertThat(SweepFixture.query(
                            again.url(),
                            "SELECT COUNT(*) AS n, COUNT(DISTINCT run_id * 1000 + epoch)" + " AS e FROM epoch_metric"))
                    .containsExactly(Map.of("n", 4L * epochs, "e", 2L * epochs));
        }
    }
}
