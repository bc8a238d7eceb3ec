package dev.arraysweep.orchestrator.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.params.ParamValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each shipped thesis sweep reproduces the appendix II rows (seed 004, l.2977-3357) transcribed for it in
 * {@code src/test/resources/appendix-ii/<sweep>.tsv}: expanded as {@code arraysweep expand --dry-run} expands
 * it, its runs are exactly those rows' configurations, no more and no fewer. Seeds and the appendix's
 * repeated rows multiply runs, not configurations. {@link AppendixRow} says how printed values map to
 * parameters.
 */
class AppendixIiSweepsTest {
    static final Path ROWS = Path.of("src", "test", "resources", "appendix-ii");

    /** The columns appendix II prints, as run parameters; shown first when a sweep and its rows differ. */
    static final List<String> NAMED = List.of(
            "dataset",
            "model",
            "batch_size",
            "optimizer",
            "learning_rate",
            "lr_scheduler",
            "gamma",
            "milestones",
            "momentum",
            "epochs",
            "weight_decay",
            "augmentation",
            "epoch_filtering",
            "batch_filtering");

    static List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(ROWS)) {
            return s.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void sweepExpandsToExactlyItsAppendixRows(Path tsv) throws Exception {
        String name = tsv.getFileName().toString().replace(".tsv", "");
        Map<Map<String, Object>, List<Integer>> expected = new LinkedHashMap<>();
        for (AppendixRow row : AppendixRow.read(tsv)) {
            expected.computeIfAbsent(configuration(row.params()), k -> new ArrayList<>())
                    .add(row.line());
        }
        Expansion expansion = Expander.expand(SweepParser.parse(ShippedSweepsTest.SWEEPS.resolve(name + ".yaml")));
        Set<Map<String, Object>> actual = new HashSet<>();
        Set<Object> seeds = new HashSet<>();
        for (ExpandedRun run : expansion.runs()) {
            actual.add(configuration(run.params()));
            seeds.add(run.params().asMap().get("seed"));
        }

        assertThat(named(actual))
                .as("sweeps/%s.yaml against appendix II %s", name, rowsByConfiguration(expected))
                .isEqualTo(named(expected.keySet()));
        assertThat(actual)
                .as("every parameter, printed or not (those the appendix does not print keep table 4.1's values)")
                .isEqualTo(expected.keySet());
        assertThat(expansion.runs())
                .as("runs differ only in their configuration and seed")
                .hasSize(expected.size() * seeds.size());
    }

    /** Every appendix II row is reproduced by some shipped sweep (several sweeps may share a row). */
    @Test
    void everyAppendixRowHasASweep() throws Exception {
        Set<Integer> lines = new TreeSet<>();
        for (Path tsv : files()) {
            for (AppendixRow row : AppendixRow.read(tsv)) {
                lines.add(row.line());
            }
        }
        assertThat(lines).hasSize(190);
        assertThat(lines).first().isEqualTo(2977);
        assertThat(lines).last().isEqualTo(3357);
    }

    /** Every thesis sweep has its rows, and every transcription its sweep. */
    @Test
    void everyThesisSweepIsChecked() throws Exception {
        Set<String> sweeps = ShippedSweepsTest.files().stream()
                .map(p -> p.getFileName().toString().replace(".yaml", ""))
                .filter(n -> n.startsWith("thesis-"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> transcribed = files().stream()
                .map(p -> p.getFileName().toString().replace(".tsv", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(transcribed).isEqualTo(sweeps);
    }

    /** Known answers for the decoding: an SGD multistep row with the printed weight decay 0.001. */
    @Test
    void decodesTheDlaRow() throws Exception {
        AppendixRow row =
                AppendixRow.read(ROWS.resolve("thesis-cifar10-dla.tsv")).get(0);
        assertThat(row.line()).isEqualTo(3345);
        assertThat(named(Set.of(configuration(row.params()))))
                .containsExactly("dataset=cifar10 model=dla batch_size=1024 optimizer=sgd learning_rate=0.1"
                        + " lr_scheduler=multistep gamma=0.5 milestones=[150] momentum=0.9 epochs=1000"
                        + " weight_decay=5.0E-4 augmentation=thesis epoch_filtering=false batch_filtering=false");
    }

    /** Known answers: an MNIST Adam row (lr printed 0.000, momentum printed but not SGD, no augmentation). */
    @Test
    void decodesAnMnistAdamRow() throws Exception {
        AppendixRow row = AppendixRow.read(ROWS.resolve("thesis-adam.tsv")).stream()
                .filter(r -> r.line() == 3343)
                .findFirst()
                .orElseThrow();
        assertThat(named(Set.of(configuration(row.params()))))
                .containsExactly("dataset=mnist model=fcnet3000 batch_size=256 optimizer=adam learning_rate=1.0E-4"
                        + " lr_scheduler=exponential gamma=0.995 epochs=500 weight_decay=5.0E-4"
                        + " epoch_filtering=false batch_filtering=true");
    }

    /** A run's parameters without its seed: what appendix rows and sweep runs are compared on. */
    private static Map<String, Object> configuration(ParamValues params) {
        Map<String, Object> configuration = new TreeMap<>(params.asMap());
        configuration.remove("seed");
        return configuration;
    }

    /** The printed columns of each configuration, one line each, sorted. */
    private static Set<String> named(Set<Map<String, Object>> configurations) {
        Set<String> lines = new TreeSet<>();
        for (Map<String, Object> c : configurations) {
            lines.add(NAMED.stream()
                    .filter(c::containsKey)
                    .map(k -> k + "=" + c.get(k))
                    .collect(Collectors.joining(" ")));
        }
        return lines;
    }

    private static String rowsByConfiguration(Map<Map<String, Object>, List<Integer>> expected) {
        return expected.entrySet().stream()
                .map(e -> "l." + e.getValue() + ": " + named(Set.of(e.getKey())))
                .collect(Collectors.joining("\n  ", "rows\n  ", ""));
    }
}
