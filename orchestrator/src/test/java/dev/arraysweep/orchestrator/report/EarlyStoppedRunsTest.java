package dev.arraysweep.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalApply;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.SamplerFigures;
import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.db.params.TwinKey;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import dev.arraysweep.orchestrator.results.Metric;
import dev.arraysweep.orchestrator.results.SweepResults;
import dev.arraysweep.orchestrator.status.RunRow;
import dev.arraysweep.orchestrator.status.SweepProgress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that early stopping ended at different epochs are compared at their own final epochs, by the report and
 * by the twins view, and status counts them as finished.
 *
 * <p>Two runs of 10 epochs, seed 0, early_stopping_patience 2: the archetype stopped after epoch 3 with test
 * accuracy 0.70, the batchwise run after epoch 5 with 0.74; at epoch 3 the batchwise run had 0.60. At their own
 * final epochs the batchwise run is 0.04 better; at the archetype's final epoch it would be 0.10 worse.
 */
class EarlyStoppedRunsTest {
    private static final String SWEEP = "stopped";
    private static final double[] ARCHETYPE_TEST = {0.40, 0.55, 0.72, 0.70};
    private static final double[] BATCHWISE_TEST = {0.30, 0.45, 0.50, 0.60, 0.76, 0.74};

    @TempDir
    Path dir;

    private static EpochMetrics row(long runId, int epoch, String split, double accuracy) {
        return new EpochMetrics(
                runId,
                1,
                epoch,
                split,
                accuracy,
                2 * (1 - accuracy),
                0,
                3,
                1,
                2,
                3,
                100,
                10,
                10 * (epoch + 1),
                0.1,
                new SamplerFigures(0, 0, 100, 0, 1, 1, 1),
                null,
                null,
                null);
    }

    private static void stoppedAfter(Database db, int index, double[] test) {
        long id = db.runs().find(SWEEP, index).orElseThrow().id();
        db.runs().claim(id, null, null, "n", Duration.ofMinutes(5));
        List<EpochMetrics> rows = new ArrayList<>();
        for (int epoch = 0; epoch < test.length; epoch++) {
            rows.add(row(id, epoch, "test", test[epoch]));
            rows.add(row(id, epoch, "train", test[epoch] + 0.1));
        }
        db.metrics().upsert(rows);
        int last = test.length - 1;
        JournalEvent done = JournalEvent.stoppedEarly(
                SWEEP, index, id, 1, 0, test.length, last, "early stopping: stopped after epoch " + last);
        db.jdbi().useTransaction(h -> JournalApply.apply(h, id, done));
    }

    @Test
    void reportTwinsAndStatus_takeEachRunAtItsOwnFinalEpoch() throws Exception {
        String url = Workspace.embeddedUrl(dir);
        Database db = Database.open(url);
        try (Connection keepOpen = DriverManager.getConnection(url, "sa", "")) {
            List<NewRun> runs = new ArrayList<>();
            for (boolean batchFiltering : new boolean[] {false, true}) {
                ParamValues v = Params.normalize(Map.of(
                        "dataset",
                        "mnist",
                        "model",
                        "lenet",
                        "epochs",
                        10,
                        "early_stopping_patience",
                        2,
                        "batch_filtering",
                        batchFiltering,
                        "seed",
                        0));
                runs.add(new NewRun(v.hash(), v.toJson(), 10, new HashMap<>(v.asMap()), TwinKey.of(v)));
            }
            db.runs().storeExpansion(SWEEP, null, null, "t", null, runs);
            stoppedAfter(db, 0, ARCHETYPE_TEST);
            stoppedAfter(db, 1, BATCHWISE_TEST);

            Report report = Report.build(SweepResults.load(db, SWEEP), At.FINAL);
            Report.GroupTable g = report.groups().get(0);
            assertThat(g.rows().get(0).points()).extracting(RunPoint::epoch).containsExactly(3);
            assertThat(g.rows().get(1).points()).extracting(RunPoint::epoch).containsExactly(5);
            PairedDifference d = g.rows().get(1).paired().get(new Report.Figure(Metric.ACCURACY, Metric.Part.TEST));
            assertThat(d.mean()).isCloseTo(0.74 - 0.70, within(1e-12));
            assertThat(g.notes())
                    .anySatisfy(n -> assertThat(n).contains("2 run(s) stopped early, at epochs 3 to 5"))
                    .noneSatisfy(n -> assertThat(n).contains("--epoch"));

            Map<String, Object> twin = db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT final_epoch, archetype_final_epoch, diff_test_accuracy"
                                    + " FROM twins WHERE sweep = :s")
                            .bind("s", SWEEP)
                            .mapToMap()
                            .one());
            assertThat(twin.get("final_epoch")).isEqualTo(5);
            assertThat(twin.get("archetype_final_epoch")).isEqualTo(3);
            assertThat((Double) twin.get("diff_test_accuracy")).isCloseTo(0.04, within(1e-12));

            List<RunRow> rows =
                    RunRow.load(db, db.sweeps().find(SWEEP).orElseThrow().id(), 10);
            assertThat(rows).extracting(RunRow::epochsDone).containsExactly(4, 6);
            assertThat(rows.get(1).errorLine(80)).isEqualTo("early stopping: stopped after epoch 5");
            SweepProgress progress = SweepProgress.load(db, SWEEP).get(0);
            assertThat(progress.epochsDone()).isEqualTo(10);
            assertThat(progress.epochsTotal()).as("nothing left to train").isEqualTo(10);
        }
    }
}
