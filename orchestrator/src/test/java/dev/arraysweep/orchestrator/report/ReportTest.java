package dev.arraysweep.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arraysweep.orchestrator.results.FilledResultsTest;
import dev.arraysweep.orchestrator.results.Metric;
import dev.arraysweep.orchestrator.results.Metric.Part;
import dev.arraysweep.orchestrator.results.ResultsFixture;
import dev.arraysweep.orchestrator.results.RunData;
import dev.arraysweep.orchestrator.results.Summary;
import dev.arraysweep.orchestrator.results.SweepResults;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest extends FilledResultsTest {
    private static final Report.Figure TEST_ACCURACY = new Report.Figure(Metric.ACCURACY, Part.TEST);
    private static final Report.Figure TEST_MEAN_LOSS = new Report.Figure(Metric.MEAN_LOSS, Part.TEST);
    private static final Report.Figure RATIO_ACCURACY = new Report.Figure(Metric.ACCURACY, Part.RATIO);

    private static Report report(String sweep, At at) {
        return Report.build(SweepResults.load(db, sweep), at);
    }

    @Test
    void groupsByConfigurationWithoutSeed_archetypeFirst_labelledByWhatVaries() {
        Report r = report(ResultsFixture.SWEEP, At.FINAL);

        assertThat(r.groups()).extracting(t -> t.group().label()).containsExactly("batch_size=128", "batch_size=1024");
        Report.GroupTable g = r.groups().get(0);
        assertThat(g.rows()).extracting(row -> row.setting().label()).containsExactly("none (archetype)", "batchwise");
        assertThat(g.group().seeds()).containsExactly(0, 1, 2);
        assertThat(g.rows().get(0).points()).extracting(RunPoint::epoch).containsOnly(2);
        assertThat(g.notes()).isEmpty();
    }

    @Test
    void finalEpoch_meanAndSampleStd_andPairedIntervalComputedByHand() {
        Report.GroupTable g = report(ResultsFixture.SWEEP, At.FINAL).groups().get(0);

        // archetype test accuracy 0.90, 0.92, 0.94: mean 0.92, sample std sqrt((0.02² + 0 + 0.02²) / 2) = 0.02
        Summary archetype = g.rows().get(0).summaries().get(TEST_ACCURACY);
        assertThat(archetype.n()).isEqualTo(3);
        assertThat(archetype.mean()).isCloseTo(0.92, within(1e-12));
        assertThat(archetype.std()).isCloseTo(0.02, within(1e-12));
        // ratio test/train per run, then averaged: (0.90/0.95 + 0.92/0.96 + 0.94/0.97) / 3
        assertThat(g.rows().get(0).summaries().get(RATIO_ACCURACY).mean())
                .isCloseTo((0.90 / 0.95 + 0.92 / 0.96 + 0.94 / 0.97) / 3, within(1e-12));

        // batchwise − archetype by seed: 0.88 − 0.90 = −0.02, 0.91 − 0.92 = −0.01, 0.90 − 0.94 = −0.04
        // mean d = −0.07 / 3 = −0.0233333; deviations +0.0033333, +0.0133333, −0.0166667
        // s² = (1.1111e-5 + 1.77778e-4 + 2.77778e-4) / 2 = 2.33333e-4, s = 0.0152753
        // t(0.975, 2) = 4.3026527, half width = 4.3026527 * 0.0152753 / sqrt(3) = 0.0379458
        // interval [−0.0612792, +0.0146125]: contains 0
        PairedDifference d = g.rows().get(1).paired().get(TEST_ACCURACY);
        assertThat(d.n()).isEqualTo(3);
        assertThat(d.mean()).isCloseTo(-0.0233333, within(1e-6));
        assertThat(d.std()).isCloseTo(0.0152753, within(1e-6));
        assertThat(d.low()).isCloseTo(-0.0612792, within(1e-6));
        assertThat(d.high()).isCloseTo(0.0146125, within(1e-6));
        assertThat(d.excludesZero()).isFalse();
        // mean test loss is 2(1 − a): its differences are −2 times those of accuracy, interval mirrored
        PairedDifference loss = g.rows().get(1).paired().get(TEST_MEAN_LOSS);
        assertThat(loss.mean()).isCloseTo(0.0466667, within(1e-6));
        assertThat(loss.low()).isCloseTo(-0.0292250, within(1e-6));
        assertThat(loss.high()).isCloseTo(0.1225583, within(1e-6));
    }

    @Test
    void identicalDifferences_giveAZeroWidthIntervalThatExcludesZero() {
        // batch 1024: batchwise test accuracy is 0.02 below the archetype for every seed
        PairedDifference d = report(ResultsFixture.SWEEP, At.FINAL)
                .groups()
                .get(1)
                .rows()
                .get(1)
                .paired()
                .get(TEST_ACCURACY);

        assertThat(d.mean()).isCloseTo(-0.02, within(1e-12));
        assertThat(d.low()).isCloseTo(-0.02, within(1e-12));
        assertThat(d.high()).isCloseTo(-0.02, within(1e-12));
        assertThat(d.excludesZero()).isTrue();
    }

    @Test
    void atBest_takesEachRunsEpochOfBestTestAccuracy() {
        Report.GroupTable g = report(ResultsFixture.SWEEP, At.BEST).groups().get(0);

        // batchwise seed 1 peaks at 0.93 in epoch 1; the others are best at epoch 2
        assertThat(g.rows().get(1).points()).extracting(RunPoint::epoch).containsExactly(2, 1, 2);
        // differences −0.02, +0.01, −0.04: mean −0.0166667, s = 0.0251661, half width 4.3026527 * s / sqrt(3)
        PairedDifference d = g.rows().get(1).paired().get(TEST_ACCURACY);
        assertThat(d.mean()).isCloseTo(-0.0166667, within(1e-6));
        assertThat(d.low()).isCloseTo(-0.0791828, within(1e-6));
        assertThat(d.high()).isCloseTo(0.0458494, within(1e-6));
    }

    @Test
    void atEpoch_usesThatEpoch() {
        Summary s = report(ResultsFixture.SWEEP, At.epoch(0))
                .groups()
                .get(0)
                .rows()
                .get(0)
                .summaries()
                .get(TEST_ACCURACY);

        assertThat(s.mean()).isCloseTo(0.72, within(1e-12));
    }

    @Test
    void oneSeed_givesADifferenceWithoutIntervalAndSaysSo() {
        Report.GroupTable g = report(ResultsFixture.ONE_SEED, At.FINAL).groups().get(0);

        PairedDifference d = g.rows().get(1).paired().get(TEST_ACCURACY);
        assertThat(d.n()).isEqualTo(1);
        assertThat(d.mean()).isCloseTo(-0.02, within(1e-12));
        assertThat(d.low()).isNaN();
        assertThat(g.notes()).singleElement().asString().contains("without an interval (n = 1)");
        assertThat(MarkdownReport.render(report(ResultsFixture.ONE_SEED, At.FINAL)))
                .contains("-0.020 (n=1, no interval)");
    }

    @Test
    void groupWithoutArchetype_hasNoPairedDifferencesAndSaysHowToGetThem() {
        Report.GroupTable g =
                report(ResultsFixture.NO_ARCHETYPE, At.FINAL).groups().get(0);

        assertThat(g.group().label()).isEqualTo("all runs");
        assertThat(g.rows()).singleElement().satisfies(r -> assertThat(r.paired())
                .isEmpty());
        assertThat(g.notes())
                .singleElement()
                .asString()
                .contains("no archetype run")
                .contains("batch_filtering: false");
    }

    @Test
    void markdown_showsTheThesisLayoutWithMeanStdAndIntervals() {
        String md = MarkdownReport.render(report(ResultsFixture.SWEEP, At.FINAL));

        assertThat(md)
                .contains(
                        "# Sweep `mnist-filter` at the final epoch",
                        "## 1. batch_size=128",
                        "| Filtering | n | epoch | Accuracy train | Accuracy test | Accuracy ratio | Mean loss train |",
                        "| none (archetype) | 3 | 2 | 0.960 ± 0.010 | 0.920 ± 0.020 |",
                        "| batchwise | 3 | 2 | 0.910 ± 0.010 | 0.897 ± 0.015 |",
                        "| batchwise | 3 | 2 | -0.050 [-0.075, -0.025] * | -0.023 [-0.061, +0.015] |");
    }

    @Test
    void csv_hasOneLinePerGroupSettingAndFigure_withVaryingParametersAsColumns() {
        String csv = ReportData.csv(report(ResultsFixture.SWEEP, At.FINAL));
        List<String> lines = csv.lines().toList();

        assertThat(lines.get(0))
                .isEqualTo("sweep,at,group,batch_size,setting,archetype,runs,epoch_min,epoch_max,metric,"
                        + "part,mean,std,n,diff_mean,diff_std,diff_low,diff_high,pairs");
        assertThat(lines).hasSize(1 + 2 * 2 * 12);
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .startsWith("mnist-filter,final,1,128,batchwise,false,3,2,2," + "accuracy,test,0.89666")
                .contains(",3,-0.02333")
                .endsWith(",3"));
    }

    @Test
    void json_nestsGroupsRowsAndFigures() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ReportData.json(report(ResultsFixture.SWEEP, At.BEST)));

        assertThat(root.get("at").asText()).isEqualTo("best");
        JsonNode row = root.get("groups").get(0).get("rows").get(1);
        assertThat(row.get("setting").asText()).isEqualTo("batchwise");
        assertThat(row.get("runs").get(1).get("epoch").asInt()).isEqualTo(1);
        assertThat(row.get("paired_difference").get("test_accuracy").get("low").asDouble())
                .isCloseTo(-0.0791828, within(1e-6));
        assertThat(root.get("groups").get(0).get("rows").get(0).has("paired_difference"))
                .isFalse();
    }

    @Test
    void json_listsEachRunsIndexSeedAndEpochInThatOrder() throws Exception {
        JsonNode run = new ObjectMapper()
                .readTree(ReportData.json(report(ResultsFixture.SWEEP, At.FINAL)))
                .get("groups")
                .get(0)
                .get("rows")
                .get(0)
                .get("runs")
                .get(0);

        List<String> names = new java.util.ArrayList<>();
        run.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("index", "seed", "epoch");
    }

    @Test
    void unfinishedRuns_atTheFinalEpoch_areNotedWithTheCommonEpoch() {
        SweepResults all = SweepResults.load(db, ResultsFixture.SWEEP);
        RunData first = all.runs().get(0);
        RunData cut = new RunData(
                first.id(),
                first.index(),
                "running",
                first.params(),
                first.train().subList(0, 2),
                first.test().subList(0, 2));
        List<RunData> runs = new java.util.ArrayList<>(all.runs());
        runs.set(0, cut);

        Report.GroupTable g = Report.build(new SweepResults(all.sweep(), runs), At.FINAL)
                .groups()
                .get(0);

        assertThat(g.rows().get(0).epochRange()).containsExactly(1, 2);
        assertThat(g.notes()).anySatisfy(n -> assertThat(n).contains("final epochs differ (1 to 2)", "--epoch 1"));
    }

    @Test
    void aDivergedRun_marksItsRowAndSaysWhy() throws Exception {
        SweepResults loaded = SweepResults.load(db, ResultsFixture.SWEEP);
        RunData victim = loaded.runs().stream()
                .filter(r -> Boolean.TRUE.equals(r.params().get("batch_filtering"))
                        && Integer.valueOf(128).equals(r.params().get("batch_size")))
                .findFirst()
                .orElseThrow();
        List<RunData> runs = loaded.runs().stream()
                .map(r -> r == victim ? new RunData(r.id(), r.index(), "diverged", r.params(), r.train(), r.test()) : r)
                .toList();
        Report r = Report.build(new SweepResults(loaded.sweep(), runs), At.FINAL);

        Report.GroupTable g = r.groups().get(0);
        assertThat(g.rows().get(0).diverged()).isEmpty();
        assertThat(g.rows().get(1).diverged()).containsExactly(victim.index());
        assertThat(g.notes())
                .containsExactly("batchwise: run(s) [" + victim.index() + "] diverged (a non-finite or too large"
                        + " training loss stopped them), so their figures end at their last finished epoch;"
                        + " `arraysweep status mnist-filter` shows the epoch, step and loss");
        assertThat(MarkdownReport.render(r))
                .contains("| batchwise **(diverged: run " + victim.index() + ")** |")
                .contains("| none (archetype) |");
        JsonNode json = new ObjectMapper().readTree(ReportData.json(r));
        assertThat(json.at("/groups/0/rows/1/diverged/0").asInt()).isEqualTo(victim.index());
        assertThat(json.at("/groups/0/rows/0/diverged").size()).isZero();
    }
}
