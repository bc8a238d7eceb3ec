package dev.arraysweep.orchestrator.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arraysweep.orchestrator.results.FilledResultsTest;
import dev.arraysweep.orchestrator.results.Group;
import dev.arraysweep.orchestrator.results.ResultsFixture;
import dev.arraysweep.orchestrator.results.Setting;
import dev.arraysweep.orchestrator.results.SweepResults;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class PlotsTest extends FilledResultsTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static List<Plots.Planned> plan(String sweep, Band band) {
        return Plots.plan(SweepResults.load(db, sweep), dir.resolve("plots"), band);
    }

    private static List<String> lines(XYChart chart) {
        return chart.getSeriesMap().keySet().stream()
                .filter(n -> !n.endsWith(Charts.BAND_SUFFIX))
                .toList();
    }

    private static List<String> bands(XYChart chart) {
        return chart.getSeriesMap().keySet().stream()
                .filter(n -> n.endsWith(Charts.BAND_SUFFIX))
                .toList();
    }

    @Test
    void oneSeed_everyChartHasOneLinePerRunAndNoBand() {
        List<Plots.Planned> figures = plan(ResultsFixture.ONE_SEED, Band.MIN_MAX);

        assertThat(figures)
                .extracting(f -> f.file().getFileName().toString())
                .containsExactly("one-seed-g01-all-runs-panel.png", "one-seed-g01-all-runs-sampler.png");
        int runs = figures.get(0).group().runCount();
        assertThat(runs).isEqualTo(2);
        assertThat(figures.get(0).grid().charts()).hasSize(9).allSatisfy(c -> {
            assertThat(c.getSeriesMap()).hasSize(runs);
            assertThat(lines(c)).containsExactly("none (archetype)", "batchwise");
        });
        List<XYChart> sampler = figures.get(1).grid().charts();
        assertThat(sampler).hasSize(3);
        assertThat(lines(sampler.get(0))).containsExactly("none (archetype)", "batchwise");
        assertThat(lines(sampler.get(1))).containsExactly("none (archetype)", "batchwise");
        assertThat(lines(sampler.get(2)))
                .as("trained / forwarded: the archetype forwards nothing for selection, so it has no line")
                .containsExactly("batchwise");
    }

    @Test
    void threeSeeds_everyChartHasAMeanLineAndABandPerSetting() {
        List<Plots.Planned> figures = plan(ResultsFixture.SWEEP, Band.MIN_MAX);

        assertThat(figures).hasSize(4);
        for (Plots.Planned f : figures) {
            int settings = f.group().settings().size();
            assertThat(f.group().runCount()).isEqualTo(3 * settings);
            List<XYChart> charts = f.grid().charts();
            boolean samplerFigure = f.file().getFileName().toString().endsWith("-sampler.png");
            for (int i = 0; i < charts.size(); i++) {
                // the sampler figure's trained / forwarded has no archetype line (it forwards nothing)
                int expected = samplerFigure && i == 2 ? settings - 1 : settings;
                assertThat(lines(charts.get(i))).hasSize(expected);
                assertThat(bands(charts.get(i))).hasSize(expected);
            }
        }
        assertThat(figures.get(0).grid().title()).contains("batch_size=128", "mean of 3 seeds", "min–max");
    }

    @Test
    void meanLineAndBand_followTheSeeds() {
        ChartGrid panel = plan(ResultsFixture.SWEEP, Band.MIN_MAX).get(0).grid();
        XYChart testAccuracy = panel.rows().get(0).get(1);

        XYSeries line = testAccuracy.getSeriesMap().get("none (archetype)");
        // archetype test accuracy at epochs 0, 1, 2: seeds 0.70 0.72 0.74 / 0.80 0.82 0.84 / 0.90 0.92 0.94
        assertThat(line.getXData()).containsExactly(0.0, 1.0, 2.0);
        assertThat(line.getYData()[2]).isCloseTo(0.92, within(1e-12));
        XYSeries band = testAccuracy.getSeriesMap().get("none (archetype)" + Charts.BAND_SUFFIX);
        // the band's polygon runs along the maxima, then back along the minima
        assertThat(band.getYData()[2]).isCloseTo(0.94, within(1e-12));
        assertThat(band.getYData()[3]).isCloseTo(0.90, within(1e-12));
        // wall-clock panel: x is the mean over seeds of the seconds at each epoch: 10(e + 1) + seed
        XYSeries wall = panel.rows().get(4).get(0).getSeriesMap().get("batchwise");
        assertThat(wall.getXData()).containsExactly(11.0, 21.0, 31.0);
    }

    @Test
    void stdBand_isTheMeanPlusMinusOneSampleStd() {
        XYChart testAccuracy =
                plan(ResultsFixture.SWEEP, Band.STD).get(0).grid().rows().get(0).get(1);

        // batchwise test accuracy at epoch 2, seeds 0.88 0.91 0.90: mean 2.69 / 3, deviations -5/300, 4/300, 1/300,
        // sample variance (25 + 16 + 1) / 90000 / 2 = 7 / 30000, so the band is 0.8814..0.9119, inside min–max
        // 0.88..0.91
        double mean = 2.69 / 3;
        double std = Math.sqrt(7.0 / 30000);
        XYSeries band = testAccuracy.getSeriesMap().get("batchwise" + Charts.BAND_SUFFIX);
        assertThat(band.getYData()[2]).isCloseTo(mean + std, within(1e-12));
        assertThat(band.getYData()[3]).isCloseTo(mean - std, within(1e-12));
    }

    @Test
    void writtenFigures_areValidPngsOfTheExpectedSize() throws Exception {
        List<Path> files = Plots.write(plan(ResultsFixture.ONE_SEED, Band.MIN_MAX));

        assertThat(files).hasSize(2);
        for (Path f : files) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(f), 8);
            assertThat(head).containsExactly(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
        }
        BufferedImage panel = ImageIO.read(files.get(0).toFile());
        assertThat(panel.getWidth()).isEqualTo(PanelFigure.WIDTH);
        assertThat(panel.getHeight()).isEqualTo(PanelFigure.HEIGHT);
        BufferedImage sampler = ImageIO.read(files.get(1).toFile());
        assertThat(sampler.getWidth()).isEqualTo(SamplerFigure.WIDTH);
        assertThat(sampler.getHeight()).isEqualTo(SamplerFigure.HEIGHT);
        // the archetype's dark grey line is drawn somewhere in the test accuracy panel
        assertThat(countPixels(
                        panel,
                        PanelFigure.PANEL_WIDTH,
                        ChartGrid.TITLE_HEIGHT,
                        PanelFigure.PANEL_WIDTH,
                        PanelFigure.PANEL_HEIGHT,
                        0x222222))
                .isGreaterThan(50);
    }

    @Test
    void archetypeOnlyGroup_getsNoSamplerFigure() {
        Setting archetype =
                new Setting("none (archetype)", true, new TreeMap<>(Map.of("batch_filtering", false)), List.of());

        assertThat(SamplerFigure.applies(new Group(1, "all runs", new TreeMap<>(), List.of(archetype))))
                .isFalse();
    }

    private static int countPixels(BufferedImage image, int x0, int y0, int w, int h, int rgb) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return n;
    }
}
