package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void compact_rewritesASmallerFile_withEveryRow_andKeepsTheOldOneAsBackup() throws Exception {
        Database db = Database.open(Workspace.embeddedUrl(work));
        db.runs().storeExpansion("s", null, null, "text", null, runs("r", 50));
        List<Run> stored = db.runs().bySweep(db.sweeps().find("s").orElseThrow().id());
        for (int pass = 0; pass < 8; pass++) { // every row rewritten 8 times, one small transaction each
            for (Run r : stored) {
                List<EpochMetrics> rows = new ArrayList<>();
                for (int epoch = 0; epoch < 10; epoch++) {
                    rows.add(MetricRows.row(r.id(), 1, epoch, "train", pass / 10.0));
                    rows.add(MetricRows.row(r.id(), 1, epoch, "test", pass / 10.0));
                }
                db.metrics().upsert(rows);
            }
        }
        long metrics = count(db, "SELECT COUNT(*) FROM epoch_metric");
        long maxRunId = count(db, "SELECT MAX(id) FROM run");
        db.shutdown(); // as if the process that wrote it had ended
        Path file = work.resolve("arraysweep.mv.db");
        long before = Files.size(file);

        CliRunner cli = new CliRunner(work);
        CliRunner.Result r = cli.run("db", "compact");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("compacted").contains("the same before and after").contains("kept as");
        assertThat(Files.size(file)).as("bytes after, from %d before (about 565,000 -> 200,000 here)", before)
                .isLessThan(before);
        List<Path> backups;
        try (Stream<Path> s = Files.list(work)) {
            backups = s.filter(p -> p.getFileName().toString().startsWith("arraysweep.mv.db.before-compact-")).toList();
        }
        assertThat(backups).hasSize(1);
        assertThat(Files.size(backups.get(0))).as("the old file, as the export left it").isGreaterThanOrEqualTo(before);
        try (Stream<Path> s = Files.list(work)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("compacting"));
        }

        Database again = Database.open(Workspace.embeddedUrl(work));
        assertThat(count(again, "SELECT COUNT(*) FROM epoch_metric")).isEqualTo(metrics).isEqualTo(50 * 10 * 2L);
        assertThat(count(again, "SELECT COUNT(*) FROM run_results")).isEqualTo(50);
        assertThat(count(again, "SELECT COUNT(*) FROM epoch_metric WHERE accuracy = 0.7")).isEqualTo(metrics);
        again.runs().storeExpansion("t", null, null, "text", null, runs("t", 1));
        assertThat(count(again, "SELECT MIN(id) FROM run WHERE sweep_id = (SELECT id FROM sweep WHERE name = 't')"))
                .as("identity columns go on where they stopped").isGreaterThan(maxRunId);
    }

    @Test
    void compact_refusesADatabaseAnotherProcessHasOpen_andChangesNothing() throws Exception {
        Database.open(Workspace.embeddedUrl(work)).shutdown();
        Path file = work.resolve("arraysweep.mv.db");
        byte[] original = Files.readAllBytes(file);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "db", "serve",
                "--port", Integer.toString(port), "--workdir", work.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("serve.log").toFile()).start();
        try {
            Instant end = Instant.now().plusSeconds(60);
            while (!Files.readString(work.resolve("serve.log")).contains("jdbc:h2:tcp://")) {
                assertThat(serve.isAlive()).as(Files.readString(work.resolve("serve.log"))).isTrue();
                assertThat(Instant.now()).isBefore(end);
                Thread.sleep(100);
            }
            CliRunner.Result r = new CliRunner(work).run("db", "compact");
            assertThat(r.code()).isEqualTo(3);
            assertThat(r.err()).contains("is in use").contains("compact it when nothing else has it open");
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(work.toFile().list((File d, String n) -> n.contains("before-compact") || n.contains("compacting")))
                .isEmpty();
        assertThat(Files.exists(file)).isTrue();
        assertThat(original.length).isPositive();
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
