package dev.arraysweep.orchestrator.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.SamplerFigures;
import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import dev.arraysweep.orchestrator.results.SweepResults;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * The thesis' appendix figure 6 from stored rows: per step averages and trained / forwarded, computed by hand for
 * four epochs of a batchwise run, the third of which takes no step and must be a gap.
 */
class SamplerFigureTest {
    @TempDir
    Path dir;

    @Test
    void figureSix_averagesPerStep_andLeavesAnEpochWithoutAStepAsAGap() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"));
        ParamValues v = Params.normalize(
                Map.of("dataset", "mnist", "model", "lenet", "epochs", 4, "batch_size", 128, "batch_filtering", true));
        db.runs()
                .storeExpansion(
                        "f",
                        "f",
                        "f.yaml",
                        "f",
                        null,
                        List.of(new NewRun(v.hash(), v.toJson(), 4, new HashMap<>(v.asMap()))));
        long id = db.runs().find("f", 0).orElseThrow().id();
        // forwarded, accepted, trained, overflow, steps, raw batches per step, accepted / forwarded
        List<SamplerFigures> epochs = List.of(
                new SamplerFigures(1000, 600, 512, 88, 4, 2.5, 0.6),
                new SamplerFigures(2000, 300, 256, 44, 2, 7.5, 0.15),
                new SamplerFigures(1200, 90, 0, 0, 0, 0, 0.075), // accepted samples wait for the next epoch
                new SamplerFigures(3000, 200, 128, 72, 1, 20, 200 / 3000.0));
        List<EpochMetrics> rows = new ArrayList<>();
        for (int e = 0; e < epochs.size(); e++) {
            rows.add(new EpochMetrics(
                    id, 1, e, "test", 0.5, 1, 0, 2, 1, 1, 2, 10, 1, e + 1, 0.1, epochs.get(e), null, null, null));
        }
        db.metrics().upsert(rows);

        Plots.Planned figure = Plots.plan(SweepResults.load(db, "f"), dir.resolve("plots"), Band.MIN_MAX).stream()
                .filter(p -> p.file().getFileName().toString().endsWith("-sampler.png"))
                .findFirst()
                .orElseThrow();
        List<XYChart> panels = figure.grid().rows().get(0);
        String label = figure.group().settings().get(0).label();
        XYSeries raw = panels.get(0).getSeriesMap().get(label);
        XYSeries overflow = panels.get(1).getSeriesMap().get(label);
        XYSeries trained = panels.get(2).getSeriesMap().get(label);
        assertThat(panels.get(0).getTitle()).startsWith("(a) Raw batches per training step");
        assertThat(panels.get(1).getTitle()).isEqualTo("(b) Overflow per training step");
        assertThat(panels.get(2).getTitle()).isEqualTo("(c) Samples trained / forwarded");
        for (XYSeries s : List.of(raw, overflow, trained)) {
            assertThat(s.getXData()).containsExactly(0.0, 1.0, 2.0, 3.0);
            assertThat(s.getYData()[2])
                    .as("the epoch without a step: a gap, not 0")
                    .isNaN();
        }
        assertThat(new double[] {raw.getYData()[0], raw.getYData()[1], raw.getYData()[3]})
                .containsExactly(new double[] {2.5, 7.5, 20}, within(1e-12));
        assertThat(new double[] {overflow.getYData()[0], overflow.getYData()[1], overflow.getYData()[3]})
                .containsExactly(new double[] {22, 22, 72}, within(1e-12));
        assertThat(new double[] {trained.getYData()[0], trained.getYData()[1], trained.getYData()[3]})
                .containsExactly(new double[] {0.512, 0.128, 128 / 3000.0}, within(1e-12));

        // drawn: the line stops before the gap and starts again after it
        Path file = Plots.write(List.of(figure)).get(0);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(Files.size(file)).isPositive();
        assertThat(image.getWidth()).isEqualTo(SamplerFigure.WIDTH);
    }

    @Test
    void charts_breakTheLineAndTheBandAtAGap() {
        assertThat(Charts.finiteParts(new double[] {1, 2, Double.NaN, 3, Double.NaN, Double.NaN, 4, 5}))
                .containsExactly(new int[] {0, 2}, new int[] {3, 4}, new int[] {6, 8});
        assertThat(Charts.finiteParts(new double[] {Double.NaN})).isEmpty();
        XYChart chart = Charts.chart("t", "x", "y", 200, 100);
        Curve twoRuns = new Curve(
                new double[] {0, 1, 2, 3},
                new double[] {1, 2, Double.NaN, 4},
                new double[] {0.5, 1.5, Double.NaN, 3.5},
                new double[] {1.5, 2.5, Double.NaN, 4.5},
                2);
        Charts.add(chart, "s", twoRuns, Color.BLUE);
        assertThat(chart.getSeriesMap().keySet())
                .containsExactlyInAnyOrder("s", "s" + Charts.BAND_SUFFIX, "s #2" + Charts.BAND_SUFFIX);
        assertThat(chart.getSeriesMap().get("s #2" + Charts.BAND_SUFFIX).getXData())
                .containsExactly(3.0, 3.0);
    }
}
