package dev.arraysweep.orchestrator.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.repo.Database;
import dev.arraysweep.testkit.Require;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A researcher's first real sweep, as separate processes on one work directory and the default embedded
 * database: sixteen workers start in the same moment while {@code status}, {@code report}, {@code sql} and
 * {@code export} run in loops beside them. Nothing may fail, be refused or be lost.
 */
class ConcurrentUseTest {
    static final int WORKERS = 16;
    static final int EPOCHS = 2;

    @TempDir
    Path dir;

    @Test
    void sixteenWorkersAtOnceWhileCommandsLoop_everyRunDone_everyRowOnce_everyCommandOk() throws Exception {
        Require.fashionMnist();
        Path work = dir.resolve("work");
        Path sweep = dir.resolve("crowd.yaml");
        Files.writeString(
                sweep,
                """
                name: crowd
                base:
                  dataset: fashion-mnist
                  model: fcnet16
                  epochs: %d
                  batch_size: 50
                  learning_rate: 0.05
                  train_limit: 200
                  test_limit: 100
                  batch_filtering: false
                seeds: [%s]
                """
                        .formatted(
                                EPOCHS,
                                String.join(
                                        ", ",
                                        IntStream.range(0, WORKERS)
                                                .mapToObj(Integer::toString)
                                                .toList())));
        Processes p = new Processes(dir.resolve("logs"), Map.of("ARRAYSWEEP_WORKDIR", work.toString()));
        Processes.Started expand = p.arraysweep("expand", sweep.toString());
        assertThat(expand.exit(120)).as(expand.output()).isZero();

        List<Processes.Started> workers = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            workers.add(p.start(
                    Processes.WORKER, List.of("run", "--sweep", "crowd", "--index", Integer.toString(i)), Map.of()));
        }
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean trainingOver = new AtomicBoolean();
        List<String[]> commands = List.of(
                new String[] {"status"},
                new String[] {"report", "crowd"},
                new String[] {"sql", "SELECT state, COUNT(*) AS n FROM run GROUP BY state"},
                new String[] {"export", "crowd", "--csv", dir.resolve("export").toString()});
        List<Thread> loops = new ArrayList<>();
        int[] rounds = new int[commands.size()];
        for (int c = 0; c < commands.size(); c++) {
            int which = c;
            Thread t = new Thread(() -> {
                try {
                    // loop while workers train, then once more, so that every command also sees the end
                    boolean last = false;
                    while (!last) {
                        last = trainingOver.get();
                        Processes.Started cmd = p.arraysweep(commands.get(which));
                        int code = cmd.exit(300);
                        rounds[which]++;
                        if (code != 0) {
                            failures.add(cmd.what() + " exited " + code + ":\n" + cmd.output());
                        }
                    }
                } catch (Exception e) {
                    failures.add(commands.get(which)[0] + ": " + e);
                }
            });
            t.start();
            loops.add(t);
        }
        for (Processes.Started w : workers) {
            int code = w.exit(600);
            if (code != 0) {
                failures.add(w.what() + " exited " + code + ":\n" + w.output());
            }
        }
        trainingOver.set(true);
        for (Thread t : loops) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(java.util.Arrays.stream(rounds).min().orElseThrow())
                .as("rounds of each loop")
                .isGreaterThanOrEqualTo(2);

        Processes.Started status = p.arraysweep("status", "crowd");
        assertThat(status.exit(120)).isZero();
        try (Database db = Database.open("jdbc:h2:file:" + work.resolve("arraysweep"))) {
            List<Map<String, Object>> runs = db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT array_index, state, attempt, epochs_done FROM run ORDER BY array_index")
                    .mapToMap()
                    .list());
            assertThat(runs).hasSize(WORKERS).allSatisfy(r -> {
                assertThat(r.get("state")).isEqualTo("done");
                assertThat(r.get("attempt")).isEqualTo(1);
                assertThat(r.get("epochs_done")).isEqualTo(EPOCHS);
            });
            long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM epoch_metric")
                    .mapTo(Long.class)
                    .one());
            assertThat(rows).isEqualTo((long) WORKERS * EPOCHS * 2);
            long perRunEpochSplit = db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT COUNT(*) FROM (SELECT DISTINCT" + " run_id, epoch, split FROM epoch_metric)")
                    .mapTo(Long.class)
                    .one());
            assertThat(perRunEpochSplit).isEqualTo(rows);
            long claims = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM run_event WHERE kind = 'claim'")
                    .mapTo(Long.class)
                    .one());
            assertThat(claims).isEqualTo(WORKERS);
        }
    }
}
