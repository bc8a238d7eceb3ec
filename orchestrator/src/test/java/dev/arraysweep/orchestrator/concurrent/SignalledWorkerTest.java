package dev.arraysweep.orchestrator.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.journal.JournalReader;
import dev.arraysweep.testkit.Require;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real worker process signalled mid-epoch (SIGTERM as at preemption, SIGUSR1 as Slurm's warning before the
 * time limit) checkpoints inside the epoch, journals {@code preempted} and exits 75; started again, it resumes
 * inside that epoch and ends with the per-epoch metrics of a twin that was never interrupted.
 */
class SignalledWorkerTest {
    private static final int EPOCHS = 3;
    private static final String TWIN = "twin";
    /** 60 steps of 50 images an epoch: long against the few milliseconds a signal takes to arrive. */
    private static final int TRAIN_IMAGES = 3000;

    @TempDir
    static Path dir;

    private static Path work;
    private static Workspace ws;
    private static Processes p;
    private static Processes.Started twin;

    /** Expands the twin and one sweep per signal, all of the same run, and starts the twin beside the tests. */
    @BeforeAll
    static void expandAndStartTheTwin() throws Exception {
        Require.fashionMnist();
        work = dir.resolve("work");
        ws = new Workspace(work, null);
        p = new Processes(dir.resolve("logs"), Map.of("ARRAYSWEEP_WORKDIR", work.toString()));
        for (String sweep : List.of(TWIN, "term", "usr1")) {
            SweepFixture.expand(p, dir, sweep, 1, EPOCHS, TRAIN_IMAGES);
        }
        twin = p.worker(TWIN, 0, Map.of());
    }

    @AfterAll
    static void stopTheTwin() throws InterruptedException {
        if (twin != null && twin.process().isAlive()) {
            twin.process().destroyForcibly().waitFor();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "USR1"})
    void signalMidEpoch_checkpointsInsideTheEpoch_exits75_andTheRerunEndsWithTheTwinsMetrics(String signal)
            throws Exception {
        String sweep = signal.toLowerCase(Locale.ROOT);
        Path journal = ws.journal(sweep, 0);
        Path checkpoint = ws.checkpointDir(sweep, 0).resolve("checkpoint.bin");

        Processes.Started first = p.worker(sweep, 0, Map.of());
        // the checkpoint appears once epoch 1 is journaled and saved: from then on the worker is in epoch 2
        awaitFile(checkpoint, first);
        first.signal(signal);
        // read after the signal was delivered: epoch 2 had not ended by then
        assertThat(epochEvents(journal))
                .as("epochs journaled when the signal arrived")
                .isEqualTo(1);

        assertThat(first.exit(120)).as(SweepFixture.output(first)).isEqualTo(75);
        assertThat(first.output()).contains("received SIG" + signal + ": finishing the current step");
        List<JournalEvent> events = JournalReader.read(journal, 0).events();
        JournalEvent last = events.get(events.size() - 1);
        assertThat(last.type()).as(SweepFixture.output(first)).isEqualTo(JournalEvent.PREEMPTED);
        assertThat(last.epochsDone()).as(SweepFixture.output(first)).isEqualTo(1);
        assertThat(epochEvents(journal))
                .as("no epoch finished after the signal")
                .isEqualTo(1);
        // the checkpoint holds a position inside epoch 2: some of its steps taken, not all
        Matcher stopped = Pattern.compile(
                        "stopped by SIG" + signal + " after 1 epoch and (\\d+) steps? of epoch 2;" + " checkpoint in "
                                + Pattern.quote(ws.checkpointDir(sweep, 0).toString()))
                .matcher(last.detail());
        assertThat(stopped.find()).as(last.detail()).isTrue();
        int stepsTaken = Integer.parseInt(stopped.group(1));
        assertThat(Files.isRegularFile(checkpoint)).isTrue();

        ingest("ingest");
        assertThat(runRow(sweep)).containsExactly(Map.of("state", "preempted", "attempt", 1, "epochs_done", 1));

        Processes.Started rerun = p.worker(sweep, 0, Map.of());
        assertThat(rerun.exit(300)).as(SweepFixture.output(rerun)).isZero();
        assertThat(rerun.output())
                .contains("attempt 2")
                .contains("resuming from the checkpoint in " + ws.checkpointDir(sweep, 0) + " at epoch 2 after "
                        + stepsTaken + " of its steps");
        events = JournalReader.read(journal, 0).events();
        assertThat(events.get(events.size() - 1).type()).isEqualTo(JournalEvent.DONE);
        assertThat(Files.exists(checkpoint))
                .as("a finished run keeps its final state, for a later extension")
                .isTrue();

        assertThat(twin.exit(300)).as(SweepFixture.output(twin)).isZero();
        ingest("status");
        assertThat(runRow(sweep)).containsExactly(Map.of("state", "done", "attempt", 2, "epochs_done", EPOCHS));
        List<Map<String, Object>> metrics = metrics(sweep);
        assertThat(metrics).hasSize(EPOCHS * 2);
        int stepsOfEpoch2 = ((Number) metrics.get(2).get("steps")).intValue(); // rows by epoch, then split
        assertThat(stepsTaken).as("steps of epoch 2 taken before the stop").isBetween(1, stepsOfEpoch2 - 1);
        assertThat(metrics)
                .as("per-epoch metrics of the resumed run vs its uninterrupted twin")
                .isEqualTo(metrics(TWIN));
    }

    private static void awaitFile(Path file, Processes.Started worker) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!Files.exists(file)) {
            assertThat(worker.process().isAlive())
                    .as("worker still training\n" + SweepFixture.output(worker))
                    .isTrue();
            assertThat(System.nanoTime()).as("waiting for " + file).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static long epochEvents(Path journal) {
        return JournalReader.read(journal, 0).events().stream()
                .filter(e -> e.type().equals(JournalEvent.EPOCH))
                .count();
    }

    /** Runs {@code arraysweep COMMAND}, which loads every journal into the database first. */
    private static void ingest(String command) throws Exception {
        Processes.Started s = p.arraysweep(command);
        assertThat(s.exit(120)).as(SweepFixture.output(s)).isZero();
    }

    private static List<Map<String, Object>> runRow(String sweep) {
        return SweepFixture.query(
                Workspace.embeddedUrl(work),
                "SELECT r.state, r.attempt, r.epochs_done FROM run r"
                        + " JOIN sweep s ON s.id = r.sweep_id WHERE s.name = '" + sweep + "'");
    }

    /** {@return a run's per-epoch, per-split results: everything but timing, memory and attempt} */
    private static List<Map<String, Object>> metrics(String sweep) {
        return SweepFixture.query(
                Workspace.embeddedUrl(work),
                "SELECT e.epoch, e.split, e.accuracy, e.mean_loss,"
                        + " e.best_loss, e.worst_loss, e.q50_loss, e.q90_loss, e.q99_loss, e.sample_count, e.learning_rate,"
                        + " e.trained, e.steps FROM epoch_metric e JOIN run r ON r.id = e.run_id"
                        + " JOIN sweep s ON s.id = r.sweep_id WHERE s.name = '" + sweep
                        + "' ORDER BY e.epoch, e.split");
    }
}
