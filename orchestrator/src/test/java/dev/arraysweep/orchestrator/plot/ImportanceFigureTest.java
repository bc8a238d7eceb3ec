package dev.arraysweep.orchestrator.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arraysweep.orchestrator.results.EpochRow;
import dev.arraysweep.orchestrator.results.Group;
import dev.arraysweep.orchestrator.results.RunData;
import dev.arraysweep.orchestrator.results.Setting;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
                2 - 0.5 * epoch);
    }

    /** An archetype's epoch: no importance figures, but its time split and sampled loss. */
    private static EpochRow plain(int epoch) {
        return new EpochRow(epoch, 0.5, 1, 2, 3, epoch + 1, 1, 0, 1, NAN, NAN, NAN, NAN, 2, 0.5, 0.01, 1.5);
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
}
