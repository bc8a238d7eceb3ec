package dev.arraysweep.orchestrator.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.arraysweep.db.ExitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpanderTest {
    @TempDir
    Path dir;

    private Path file(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private Expansion expand(String yaml) throws IOException {
        return Expander.expand(SweepParser.parse(file("sweep.yaml", yaml)));
    }

    private String f() {
        return dir.resolve("sweep.yaml").toString();
    }

    @Test
    void gridZipAndSeeds_multiply() throws IOException {
        Expansion expansion = expand(
                """
                name: s
                grid:
                  batch_size: [16, 128, 256, 512, 1024]
                  batch_filtering: [true, false]
                zip:
                  - {model: [fcnet100, fcnet1000], learning_rate: [0.01, 0.001]}
                seeds: [0, 1, 2]
                """);

        assertThat(expansion.combinations()).isEqualTo(60);
        assertThat(expansion.runs()).hasSize(60);
        assertThat(expansion.excluded()).isZero();
        assertThat(expansion.merged()).isZero();
    }

    @Test
    void order_firstGridAxisSlowest_seedsFastest() throws IOException {
        Expansion expansion = expand(
                """
                name: s
                grid:
                  batch_size: [32, 16]
                  optimizer: [sgd, adam]
                seeds: [1, 0]
                """);

        assertThat(expansion.runs())
                .extracting(
                        r -> r.params().intValue("batch_size"), r -> r.params().string("optimizer"), r -> r.params()
                                .intValue("seed"))
                .containsExactly(
                        tuple(32, "sgd", 1),
                        tuple(32, "sgd", 0),
                        tuple(32, "adam", 1),
                        tuple(32, "adam", 0),
                        tuple(16, "sgd", 1),
                        tuple(16, "sgd", 0),
                        tuple(16, "adam", 1),
                        tuple(16, "adam", 0));
    }

    @Test
    void missingGrid_isOneRunOfBase() throws IOException {
        Expansion expansion = expand("name: s\nbase: {epochs: 3}\n");

        assertThat(expansion.runs())
                .singleElement()
                .satisfies(r -> assertThat(r.params().intValue("epochs")).isEqualTo(3));
    }

    @Test
    void combinationsThatNormaliseAlike_areMerged() throws IOException {
        Expansion expansion = expand(
                """
                name: s
                grid:
                  optimizer: [sgd, adam]
                  momentum: [0.5, 0.9]
                """);

        assertThat(expansion.runs()).hasSize(3);
        assertThat(expansion.merged()).isEqualTo(1);
        assertThat(expansion.runs().get(2).params().has("momentum")).isFalse();
    }

    @Test
    void exclusion_matchesWrittenValuesBeforeNormalisation() throws IOException {
        Expansion expansion = expand(
                """
                name: s
                grid:
                  optimizer: [sgd, adam]
                  nesterov: [true, false]
                exclude:
                  - {optimizer: adam, nesterov: true}
                """);

        assertThat(expansion.excluded()).isEqualTo(1);
        assertThat(expansion.merged()).isZero();
        assertThat(expansion.runs()).hasSize(3);
        assertThat(expansion.warnings()).isEmpty();
    }

    @Test
    void exclusion_ofUnwrittenKey_matchesNormalisedValue() throws IOException {
        Expansion expansion = expand(
                """
                name: s
                grid:
                  optimizer: [sgd, adam]
                exclude:
                  - {optimizer: sgd, momentum: 0.9}
                  - {amsgrad: true}
                """);

        assertThat(expansion.runs())
                .extracting(r -> r.params().string("optimizer"))
                .containsExactly("adam");
        assertThat(expansion.warnings())
                .containsExactly(f() + ":6: exclude[1] matches no combination; check its keys and values.");
    }

    @Test
    void equivalentFiles_giveEqualHashes() throws IOException {
        Expansion a = Expander.expand(
                SweepParser.parse(
                        file(
                                "a.yaml",
                                """
                name: a
                base: {optimizer: adam, momentum: 0.5, learning_rate: 1}
                grid: {dataset: [mnist, cifar10]}
                """)));
        Expansion b = Expander.expand(
                SweepParser.parse(
                        file(
                                "b.yaml",
                                """
                name: b
                base: {learning_rate: 1.0, optimizer: ADAM, augmentation: true, lr_scheduler: none, gamma: 0.5}
                zip: [{dataset: [mnist, cifar10], amsgrad: [false, false]}]
                """)));

        assertThat(b.runs())
                .extracting(ExpandedRun::hash)
                .isEqualTo(a.runs().stream().map(ExpandedRun::hash).toList());
    }

    @Test
    void crossFieldError_namesLineOfTheValueAndTheRun() throws IOException {
        assertThatThrownBy(
                        () -> expand(
                                """
                name: s
                base:
                  momentum: 0
                grid:
                  nesterov: [false, true]
                """))
                .isInstanceOf(ExitException.class)
                .hasMessage("1 of 2 combinations in " + f() + " are invalid:\n"
                        + f()
                        + ":5:21: grid.nesterov: nesterov needs momentum, but momentum is 0; expected momentum > 0 with nesterov: true. "
                        + "Set momentum (e.g. 0.9) or nesterov: false. (in the run with nesterov=true)");
    }

    @Test
    void repeatedErrors_areCountedOnce() throws IOException {
        assertThatThrownBy(
                        () -> expand(
                                """
                name: s
                grid:
                  selector: [top-q, q-split]
                  q: [0.5, 3]
                seeds: [0, 1, 2]
                """))
                .hasMessageStartingWith("6 of 12 combinations in " + f() + " are invalid:\n")
                .hasMessageContaining(
                        f() + ":4:7: grid.q: q 0.5 is not a number of buckets; expected an integer >= 2 for q-split. "
                                + "q-split divides the losses into q buckets; use e.g. 2. (in the run with selector=q-split, q=0.5, seed=0) [and 2 more runs]")
                .hasMessageContaining(f() + ":4:12: grid.q: q 3.0 is not a quantile;");
    }

    @Test
    void errorOnDefaultValue_namesTheParameter() throws IOException {
        assertThatThrownBy(() -> expand("name: s\nbase: {sampler: weighted}\n"))
                .hasMessage(
                        f()
                                + ":2:17: base.sampler: sampler weighted has no weights; expected weights_file or class_weights. "
                                + "Add weights_file: <path> (one weight per training sample) or class_weights: [...] (one per class).");
    }

    @Test
    void tooManyCombinations_isError() throws IOException {
        String list =
                IntStream.rangeClosed(1, 40).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
        assertThatThrownBy(() -> expand("name: s\ngrid:\n  epochs: " + list + "\n  batch_size: " + list
                        + "\n  eval_train_every: " + list + "\nseeds: " + list + "\n"))
                .hasMessage(
                        f()
                                + ": the sweep has 2560000 combinations; the limit is 1000000. Split it into several sweeps or shorten its lists.");
    }

    @Test
    void tenThousandRuns_expand() throws IOException {
        String hundred =
                IntStream.rangeClosed(1, 100).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
        SweepSpec spec = SweepParser.parse(file(
                "sweep.yaml",
                """
                name: big
                base: {lr_scheduler: multistep, optimizer: sgd, batch_filtering: true}
                grid:
                  batch_size: %s
                  learning_rate: [0.1, 0.05, 0.01, 0.005, 0.001]
                  epoch_filtering: [true, false]
                  filter_kind: [hard, soft]
                seeds: [0, 1, 2, 3, 4, 5]
                exclude:
                  - {seed: 5}
                """
                        .formatted(hundred)));

        long start = System.nanoTime();
        Expansion expansion = Expander.expand(spec);
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.println("expanded " + expansion.runs().size() + " runs (" + expansion.combinations()
                + " combinations) in " + millis + " ms");
        assertThat(expansion.runs()).hasSize(10_000);
    }
}
