package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import dev.arraysweep.testkit.MetricRows;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbCompactCommandTest {
    @TempDir
    Path work;

    private static List<NewRun> runs(String prefix, int n) {
        List<NewRun> runs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            runs.add(new NewRun(prefix + i, "{\"i\":" + i + "}", 10, Map.of("epochs", 10, "seed", i)));
        }
        return runs;
    }

    private static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** {@return every row of every table of {@code db}, as text, per table name and in a fixed order} */
    private static Map<String, List<String>> content(Database db) {
        return db.jdbi().withHandle(h -> {
            List<String> tables = h.createQuery("SELECT table_name FROM information_schema.tables"
                            + " WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE'")
                    .mapTo(String.class)
                    .list();
            Map<String, List<String>> content = new TreeMap<>();
            for (String t : tables) {
                List<String> rows = h.createQuery("SELECT * FROM \"" + t + "\"")
                        .map((rs, ctx) -> {
                            StringBuilder row = new StringBuilder();
                            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                                row.append(rs.getMetaData().getColumnName(c))
                                        .append('=')
                                        .append(rs.getString(c))
                                        .append(' ');
                            }
                            return row.toString();
                        })
                        .list();
                content.put(t, rows.stream().sorted().toList());
            }
            return content;
        });
    }

    /** Writes 10 epochs of train and test rows of accuracy {@code accuracy} for every run of sweep {@code sweep}. */
    private static void writeMetrics(Database db, String sweep, double accuracy) {
        for (Run r : db.runs().bySweep(db.sweeps().find(sweep).orElseThrow().id())) {
            List<EpochMetrics> rows = new ArrayList<>();
            for (int epoch = 0; epoch < 10; epoch++) {
                rows.add(MetricRows.row(r.id(), 1, epoch, "train", accuracy));
                rows.add(MetricRows.row(r.id(), 1, epoch, "test", accuracy));
            }
            db.metrics().upsert(rows);
        }
    }

    @Test
    void compact_rewritesASmallerFile_withEveryRow_andKeepsTheOldOneAsBackup() throws Exception {
        Database db = Database.open(Workspace.embeddedUrl(work));
        db.runs().storeExpansion("s", null, null, "text", null, runs("r", 50));
        for (int pass = 0; pass < 8; pass++) { // every row rewritten 8 times, one small transaction per run
            writeMetrics(db, "s", pass / 10.0);
        }
        long metrics = count(db, "SELECT COUNT(*) FROM epoch_metric");
        Map<String, List<String>> content = content(db);
        long maxRunId = count(db, "SELECT MAX(id) FROM run");
        db.close(); // as if the process that wrote it had ended
        Path file = work.resolve("arraysweep.mv.db");
        long before = Files.size(file);

        CliRunner cli = new CliRunner(work);
        CliRunner.Result r = cli.run("db", "compact");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("compacted")
                .contains("the same before and after")
                .contains("kept as");
        assertThat(Files.size(file))
                .as("bytes after, from %d before (about 565,000 -> 200,000 here)", before)
                .isLessThan(before);
        List<Path> backups;
        try (Stream<Path> s = Files.list(work)) {
            backups = s.filter(p -> p.getFileName().toString().startsWith("arraysweep.mv.db.before-compact-"))
                    .toList();
        }
        assertThat(backups).hasSize(1);
        assertThat(Files.size(backups.get(0)))
                .as("the old file, as the export left it")
                .isGreaterThanOrEqualTo(before);
        try (Stream<Path> s = Files.list(work)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("compacting"));
        }

        Database again = Database.open(Workspace.embeddedUrl(work));
        assertThat(count(again, "SELECT COUNT(*) FROM epoch_metric"))
                .isEqualTo(metrics)
                .isEqualTo(50 * 10 * 2L);
        assertThat(count(again, "SELECT COUNT(*) FROM run_results")).isEqualTo(50);
        assertThat(count(again, "SELECT COUNT(*) FROM epoch_metric WHERE accuracy = 0.7"))
                .isEqualTo(metrics);
        assertThat(content(again)).as("every table's rows").isEqualTo(content);
        again.runs().storeExpansion("t", null, null, "text", null, runs("t", 1));
        assertThat(count(again, "SELECT MIN(id) FROM run WHERE sweep_id = (SELECT id FROM sweep WHERE name = 't')"))
                .as("identity columns go on where they stopped")
                .isGreaterThan(maxRunId);
    }

    @Test
    void compact_refusesADatabaseAnotherProcessHasOpen_andChangesNothing() throws Exception {
        Database db = Database.open(Workspace.embeddedUrl(work));
        db.runs().storeExpansion("s", null, null, "text", null, runs("r", 3));
        writeMetrics(db, "s", 0.5);
        Map<String, List<String>> before = content(db);
        db.close(); // lets the database go, so that the server below can have it

        Process serve = serve(work);
        try {
            CliRunner.Result r = new CliRunner(work).run("db", "compact");
            assertThat(r.code()).as(r.err()).isEqualTo(ExitException.WRONG_STATE);
            assertThat(r.err())
                    .contains("is in use")
                    .contains("`arraysweep db serve`")
                    .contains("stop that server first");
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(work.toFile().list((File d, String n) -> n.contains("before-compact") || n.contains("compacting")))
                .isEmpty();
        Database again = Database.open(Workspace.embeddedUrl(work));
        assertThat(before.get("EPOCH_METRIC")).hasSize(3 * 10 * 2);
        assertThat(content(again)).as("every table's rows").isEqualTo(before);
    }

    /**
     * {@return a {@code db serve} process for {@code work} that has printed its URL}. The port is one the system
     * just handed out and released; another process may take it before the server binds it, so a start that
     * fails for a taken port is retried on a fresh one.
     */
    private static Process serve(Path work) throws Exception {
        Path log = work.resolve("serve.log");
        for (int attempt = 1; ; attempt++) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Process serve = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            Main.class.getName(),
                            "db",
                            "serve",
                            "--port",
                            Integer.toString(port),
                            "--workdir",
                            work.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Instant end = Instant.now().plusSeconds(60);
            while (!Files.readString(log).contains("jdbc:h2:tcp://")) {
                if (!serve.isAlive()) {
                    String printed = Files.readString(log);
                    assertThat(printed.contains("is the port taken?") && attempt < 5)
                            .as(printed)
                            .isTrue();
                    break;
                }
                assertThat(Instant.now()).isBefore(end);
                Thread.sleep(100);
            }
            if (serve.isAlive()) {
                return serve;
            }
        }
    }

    @Test
    void compact_ofAServerUrl_isBadInput() {
        CliRunner.Result r = new CliRunner(work).run("db", "compact", "--db", "jdbc:h2:tcp://localhost:9092/x");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("works on a work directory's embedded database");
    }

    @Test
    void compact_withoutADatabase_saysSo() {
        CliRunner.Result r = new CliRunner(work).run("db", "compact");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("no database at").contains("nothing to compact");
    }
}
