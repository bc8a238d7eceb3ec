package dev.arraysweep.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalIngest;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import dev.arraysweep.testkit.Require;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database goes away mid-run: training goes on, the journal keeps everything, ingest restores it. */
class DatabaseOutageTest {
    @TempDir
    Path dir;

    @Test
    void runSurvivesADatabaseOutage_andIngestRecoversEveryRow() throws Exception {
        Require.fashionMnist();
        String file = dir.resolve("arraysweep").toString();
        Database embedded = Database.open("jdbc:h2:file:" + file);
        ParamValues p = TinyRun.params(3, Map.of());
        embedded.runs()
                .storeExpansion("s", null, null, "t", null, List.of(new NewRun(p.hash(), p.toJson(), 3, Map.of())));

        Server server = Server.createTcpServer("-tcpPort", "0", "-ifExists", "-tcpDaemon")
                .start();
        Workspace ws = new Workspace(dir, "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] steps = {0};
        int code = new TaskRunner(ws, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8))
                .run("s", 0, new TaskRunner.TaskInfo("1", "1", "node"), () -> {
                    if (++steps[0] == 3) {
                        server.stop(); // the database server disappears during the first epoch
                    }
                    return false;
                });
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("cannot write to the database")
                .contains("arraysweep ingest")
                .contains("epoch 2 (3/3)");

        Database db = Database.open("jdbc:h2:file:" + file);
        long id = db.runs().find("s", 0).orElseThrow().id();
        assertThat(db.runs().byId(id).orElseThrow().state()).isEqualTo(RunState.RUNNING);
        assertThat(db.metrics().forRun(id)).isEmpty();

        new JournalIngest(db).ingestAll(dir.resolve("runs"));
        assertThat(db.runs().byId(id).orElseThrow().state()).isEqualTo(RunState.DONE);
        assertThat(db.metrics().forRun(id)).hasSize(6).allSatisfy(m -> assertThat(m.accuracy())
                .isBetween(0.0, 1.0));
    }
}
