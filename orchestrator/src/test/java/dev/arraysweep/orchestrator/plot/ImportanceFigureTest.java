package dev.arraysweep.orchestrator.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.EpochWork;
import dev.arraysweep.db.model.ImportanceFigures;
import dev.arraysweep.db.model.SamplerFigures;
import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import dev.arraysweep.orchestrator.results.EpochRow;
import dev.arraysweep.orchestrator.results.Group;
import dev.arraysweep.orchestrator.results.RunData;
import dev.arraysweep.orchestrator.results.Setting;
import dev.arraysweep.orchestrator.results.SweepResults;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ImportanceFigureTest {
    private static final double NAN = Double.NaN;

    /**
     * An importance run's epoch: scores q10/q50/q90 = (e, 2e, 3e) + seed, ESS 100 - 10e + seed (none in the
     * warm-up epoch 0), times train 1 + seed, eval 0.5, sampling 0.25, sampled loss 2 - 0.5e.
     */
    private static EpochRow importance(int epoch, int seed) {
        return new EpochRow(
                epoch,
                0.5,
                1,
                2,
                3,
                epoch + 1,
                1,
                0,
                1,
                epoch + seed,
                2 * epoch + seed,
                3 * epoch + seed,
                epoch == 0 ? NAN : 100 - 10 * epoch + seed,
                1 + seed,
                0.5,
                0.25,
                2 - 0.5 * epoch,
                NAN,
                NAN,
                NAN,
                NAN);
    }

    /** An archetype's epoch: no importance figures, but its time split and sampled loss. */
    private static EpochRow plain(int epoch) {
        return new EpochRow(
                epoch, 0.5, 1, 2, 3, epoch + 1, 1, 0, 1, NAN, NAN, NAN, NAN, 2, 0.5, 0.01, 1.5, NAN, NAN, NAN, NAN);
    }

    private static RunData run(long id, int seed, List<EpochRow> rows) {
        return new RunData(id, seed, "done", new TreeMap<>(Map.of("seed", seed)), List.of(), rows);
    }

    private static final Setting ARCHETYPE = new Setting(
            "none (archetype)",
            true,
            new TreeMap<>(Map.of("sampler", "none")),
            List.of(run(1, 0, List.of(plain(0), plain(1), plain(2)))));
    private static final Setting IMPORTANCE = new Setting(
            "importance",
            false,
            new TreeMap<>(Map.of("sampler", "importance")),
            List.of(
                    run(2, 0, List.of(importance(0, 0), importance(1, 0), importance(2, 0))),
                    run(3, 1, List.of(importance(0, 1), importance(1, 1), importance(2, 1)))));
    private static final Group GROUP = new Group(1, "all runs", new TreeMap<>(), List.of(ARCHETYPE, IMPORTANCE));

    @Test
    void appliesOnlyToGroupsWithImportanceScores() {
        assertThat(ImportanceFigure.applies(GROUP)).isTrue();
        assertThat(ImportanceFigure.applies(new Group(1, "all runs", new TreeMap<>(), List.of(ARCHETYPE))))
                .isFalse();
    }

    @Test
    void seriesAreTheRunsValues_averagedPerEpoch() {
        List<XYChart> panels =
                ImportanceFigure.of("s", GROUP, Band.MIN_MAX).rows().get(0);
        // seeds 0 and 1 average to the value + 0.5
        XYSeries q90 = panels.get(0).getSeriesMap().get("importance q90");
        assertThat(q90.getXData()).containsExactly(0.0, 1.0, 2.0);
        assertThat(q90.getYData()).containsExactly(new double[] {0.5, 3.5, 6.5}, within(1e-12));
        assertThat(panels.get(0).getSeriesMap()).doesNotContainKey("none (archetype) q50");
        // ESS: the warm-up epoch has none
        XYSeries ess = panels.get(1).getSeriesMap().get("importance");
        assertThat(ess.getXData()).containsExactly(1.0, 2.0);
        assertThat(ess.getYData()).containsExactly(new double[] {90.5, 80.5}, within(1e-12));
        // time split of both settings
        assertThat(panels.get(2).getSeriesMap().get("importance train").getYData())
                .containsExactly(new double[] {1.5, 1.5, 1.5}, within(1e-12));
        assertThat(panels.get(2).getSeriesMap().get("none (archetype) sampling").getYData())
                .containsExactly(new double[] {0.01, 0.01, 0.01}, within(1e-12));
        assertThat(panels.get(3).getSeriesMap().get("importance").getYData())
                .containsExactly(new double[] {2, 1.5, 1}, within(1e-12));
    }

    @Test
    void writtenFigure_isAPngOfTheExpectedSize(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("importance.png");
        List<Path> written =
                Plots.write(List.of(new Plots.Planned(file, GROUP, ImportanceFigure.of("s", GROUP, Band.MIN_MAX))));
        assertThat(written).containsExactly(file);
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 8);
        assertThat(head).containsExactly(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(ImportanceFigure.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ImportanceFigure.HEIGHT);
    }

    @Test
    void plotOfAStoredSweep_drawsTheStoredValues(@TempDir Path dir) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"));
        ParamValues v = Params.normalize(
                Map.of("dataset", "mnist", "model", "lenet", "epochs", 2, "batch_size", 128, "sampler", "importance"));
        db.runs()
                .storeExpansion(
                        "imp",
                        "f",
                        "imp.yaml",
                        "f",
                        null,
                        List.of(new NewRun(v.hash(), v.toJson(), 2, new HashMap<>(v.asMap()))));
        long id = db.runs().find("imp", 0).orElseThrow().id();
        SamplerFigures warmUp = new SamplerFigures(0, 0, 10, 0, 1, 1, 1)
                .withImportance(new ImportanceFigures(0, 0.5, 1.25, 2, 3, null, null))
                .withWork(new EpochWork(0.75, 0.125, 0.0625, 2.25));
        SamplerFigures drawn = new SamplerFigures(0, 0, 10, 0, 1, 1, 1)
                .withImportance(new ImportanceFigures(0, 0.25, 0.75, 1.5, 3, 4.0, 7.5))
                .withWork(new EpochWork(0.5, 0.25, 0.125, 1.75));
        db.metrics()
                .upsert(List.of(
                        new EpochMetrics(
                                id, 1, 0, "test", 0.5, 1, 0, 2, 1, 1, 2, 10, 1, 1, 0.1, warmUp, null, null, null),
                        new EpochMetrics(
                                id, 1, 1, "test", 0.6, 1, 0, 2, 1, 1, 2, 10, 1, 2, 0.1, drawn, null, null, null)));

        List<Plots.Planned> planned = Plots.plan(SweepResults.load(db, "imp"), dir.resolve("plots"), Band.MIN_MAX);
        Plots.Planned figure = planned.stream()
                .filter(p -> p.file().getFileName().toString().endsWith("-importance.png"))
                .findFirst()
                .orElseThrow();
        List<XYChart> panels = figure.grid().rows().get(0);
        String label = figure.group().settings().get(0).label();
        assertThat(panels.get(0).getSeriesMap().get(label + " q50").getYData()).containsExactly(1.25, 0.75);
        assertThat(panels.get(1).getSeriesMap().get(label).getXData()).containsExactly(1.0);
        assertThat(panels.get(1).getSeriesMap().get(label).getYData()).containsExactly(7.5);
        assertThat(panels.get(2).getSeriesMap().get(label + " eval").getYData()).containsExactly(0.125, 0.25);
        assertThat(panels.get(3).getSeriesMap().get(label).getYData()).containsExactly(2.25, 1.75);
        assertThat(Plots.write(List.of(figure))).allMatch(Files::isRegularFile);
    }
}
