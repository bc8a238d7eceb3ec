package dev.arraysweep.orchestrator.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sweep shipped in sweeps/ parses and expands cleanly, with the run count its grid implies. */
class ShippedSweepsTest {
    static final Path SWEEPS = Path.of("..", "sweeps");
    static final Map<String, Integer> EXPECTED_RUNS = Map.of(
            "demo", 8,
            "thesis-mnist-fcnets", 6,
            "thesis-mnist-epochwise", 12,
            "thesis-cifar10-fcnets", 6,
            "thesis-cifar10-batch-size", 10,
            "thesis-cifar100-fcnets", 6,
            "thesis-cifar100-batch-size", 8,
            "future-work-filters-selectors", 60,
            "importance-sampling-cifar10", 18);

    static List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(SWEEPS)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void expandsCleanly(Path file) {
        SweepSpec spec = SweepParser.parse(file);
        Expansion e = Expander.expand(spec);
        assertThat(e.runs()).isNotEmpty();
        assertThat(e.warnings()).isEmpty();
        Integer expected = EXPECTED_RUNS.get(spec.name());
        if (expected != null) {
            assertThat(e.runs()).hasSize(expected);
        }
        assertThat(file.getFileName().toString()).isEqualTo(spec.name() + ".yaml");
    }

    @org.junit.jupiter.api.Test
    void theThesisExperimentsAreAllThere() throws Exception {
        List<String> names = files().stream().map(p -> p.getFileName().toString().replace(".yaml", "")).toList();
        assertThat(names).containsAll(EXPECTED_RUNS.keySet());
    }
}
