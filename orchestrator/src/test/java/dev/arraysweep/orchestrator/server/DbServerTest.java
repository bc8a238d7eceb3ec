package dev.arraysweep.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.Journal;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.journal.JournalIngest;
import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.repo.ClaimResult;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import dev.arraysweep.testkit.MetricRows;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbServerTest {
    static final int WORKERS = 8;
    static final int EPOCHS = 20;

    @TempDir
    Path work;

    /**
     * {@return a server for {@code work} on a port the system just handed out and released}. Another process may
     * take that port before the server binds it, so a start that fails for a taken port is retried on a fresh one.
     */
    static DbServer startOnAFreePort(Path work, String bind, String password) throws IOException {
        for (int attempt = 1; ; attempt++) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            try {
                return DbServer.start(work, port, bind, password);
            } catch (ExitException e) {
                if (e.exitCode() != ExitException.FAILURE
                        || !e.getMessage().contains("is the port taken?")
                        || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    @Test
    void eightWorkersAtOnce_everyEpochRowExactlyOnce_everyRunDone() throws Exception {
        try (DbServer server = startOnAFreePort(work, "127.0.0.1", "")) {
            assertThat(server.url())
                    .isEqualTo("jdbc:h2:tcp://127.0.0.1:" + server.port() + "/"
                            + work.toAbsolutePath().normalize() + "/arraysweep");
            List<NewRun> runs = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                runs.add(new NewRun("run-" + i, "{\"i\":" + i + "}", EPOCHS, Map.of()));
            }
            Database.open(server.url()).runs().storeExpansion("many", null, null, "text", null, runs);
            Workspace ws = new Workspace(work, server.url());

            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    start.await();
                    work(ws, "many", index);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();

            Database db = Database.open(server.url(), Clock.systemUTC(), false);
            long sweepId = db.sweeps().find("many").orElseThrow().id();
            assertThat(db.runs().bySweep(sweepId)).hasSize(WORKERS).allSatisfy(r -> {
                assertThat(r.state()).isEqualTo(RunState.DONE);
                assertThat(r.epochsDone()).isEqualTo(EPOCHS);
            });
            assertThat(db.metrics().countForSweep(sweepId)).isEqualTo(WORKERS * EPOCHS * 2L);
            assertThat(duplicateKeys(db)).isZero();

            new JournalIngest(db).ingestAll(work.resolve("runs")); // replaying every journal adds nothing
            assertThat(db.metrics().countForSweep(sweepId)).isEqualTo(WORKERS * EPOCHS * 2L);
            assertThat(duplicateKeys(db)).isZero();
        }
    }

    /** One worker's writes, in the worker's order: claim, then per epoch journal, metrics and heartbeat, then done. */
    private static void work(Workspace ws, String sweep, int index) {
        Database db = Database.open(ws.dbUrl(), Clock.systemUTC(), false);
        Run run = db.runs().find(sweep, index).orElseThrow();
        ClaimResult claim = db.runs().claim(run.id(), "job-" + index, "job", "node" + index, Duration.ofMinutes(5));
        assertThat(claim.claimed()).as(claim.refusal()).isTrue();
        int attempt = claim.run().attempt();
        try (Journal journal = Journal.open(ws.journal(sweep, index))) {
            journal.append(event(JournalEvent.CLAIM, sweep, index, run.id(), attempt, 0, List.of()));
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                double acc = 0.5 + epoch / 100.0;
                List<EpochMetrics> rows = List.of(
                        MetricRows.row(run.id(), attempt, epoch, "train", acc),
                        MetricRows.row(run.id(), attempt, epoch, "test", acc));
                journal.append(event(JournalEvent.EPOCH, sweep, index, run.id(), attempt, epoch + 1, rows));
                db.metrics().upsert(rows);
                assertThat(db.runs().heartbeat(run.id(), attempt, epoch + 1)).isTrue();
            }
            journal.append(event(JournalEvent.DONE, sweep, index, run.id(), attempt, EPOCHS, List.of()));
            assertThat(db.runs().finish(run.id(), attempt, RunState.DONE, null)).isTrue();
        }
    }

    private static JournalEvent event(
            String type, String sweep, int index, long runId, int attempt, int epochsDone, List<EpochMetrics> rows) {
        return new JournalEvent(type, sweep, index, runId, attempt, System.currentTimeMillis(), epochsDone, rows, null);
    }

    private static long duplicateKeys(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM (SELECT run_id, epoch, split"
                        + " FROM epoch_metric GROUP BY run_id, epoch, split HAVING COUNT(*) > 1)")
                .mapTo(Long.class)
                .one());
    }

    @Test
    void password_wrongOneRefused_andNoRemoteCreationOfDatabases() throws Exception {
        try (DbServer server = startOnAFreePort(work, "localhost", "s3cret")) {
            assertThat(server.url()).startsWith("jdbc:h2:tcp://localhost:");
            try (var c = DriverManager.getConnection(server.url(), "sa", "s3cret")) {
                assertThat(c.isValid(5)).isTrue();
            }
            assertThatThrownBy(() -> DriverManager.getConnection(server.url(), "sa", "guess"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode())
                            .isEqualTo(28000));
            String other = server.url().replace("/arraysweep", "/other");
            assertThatThrownBy(() -> DriverManager.getConnection(other, "sa", "s3cret"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode())
                            .isEqualTo(90149));
        }
    }

    @Test
    void databaseWithoutPassword_getsTheServersPassword_andSaysSo() throws Exception {
        Database.open(Workspace.embeddedUrl(work)); // as `expand` leaves it: no password

        try (DbServer server = startOnAFreePort(work, "localhost", "s3cret")) {
            assertThat(server.notes()).anySatisfy(n -> assertThat(n).contains("it now has the one in --password-file"));
            try (var c = DriverManager.getConnection(server.url(), "sa", "s3cret")) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
        assertThatThrownBy(() -> startOnAFreePort(work, "localhost", "other"))
                .isInstanceOfSatisfying(
                        ExitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitException.BAD_INPUT))
                .hasMessageContaining("does not open the database");
    }

    @Test
    void otherMachinesWithoutPassword_refused() {
        assertThatThrownBy(() -> DbServer.start(work, 9092, "0.0.0.0", ""))
                .isInstanceOfSatisfying(
                        ExitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitException.BAD_INPUT))
                .hasMessageContaining("needs a password: --password-file FILE");
    }
}
