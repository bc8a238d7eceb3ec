package dev.arraysweep.orchestrator.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arraysweep.db.ExitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepParserTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("sweep.yaml"), yaml);
    }

    private SweepSpec parse(String yaml) throws IOException {
        return SweepParser.parse(write(yaml));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertBadInput(String yaml) throws IOException {
        Path file = write(yaml);
        return assertThatThrownBy(() -> SweepParser.parse(file))
                .isInstanceOfSatisfying(
                        ExitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitException.BAD_INPUT));
    }

    private String f() {
        return dir.resolve("sweep.yaml").toString();
    }

    @Test
    void designExample_parsesIntoAxesInExpansionOrder() throws IOException {
        SweepSpec spec = parse(
                """
                name: cifar10-batch-size
                description: ResNet18 batch size variations
                base:
                  dataset: cifar10
                  epochs: 300
                  accumulation_batch_size: null
                  data_dir: /data/cifar10
                grid:
                  batch_size: [16, 128, 256, 512, 1024]
                  batch_filtering: [true, false]
                zip:
                  - {model: [fcnet100, fcnet1000], learning_rate: [0.01, 0.001]}
                seeds: [0, 1, 2]
                exclude:
                  - {optimizer: adam, nesterov: true}
                slurm:
                  partition: GPUQ
                  gres: "gpu:V100:1"
                  cpus_per_task: 16
                  mem: 32G
                  time: "2-00:00:00"
                  max_concurrent: 4
                """);

        assertThat(spec.name()).isEqualTo("cifar10-batch-size");
        assertThat(spec.base()).containsOnlyKeys("dataset", "epochs", "accumulation_batch_size", "data_dir");
        assertThat(spec.base().get("epochs")).isEqualTo(new SourceValue(300, "base.epochs", 5, 11));
        assertThat(spec.axes())
                .extracting(Axis::name)
                .containsExactly("grid.batch_size", "grid.batch_filtering", "zip[0]", "seeds");
        assertThat(spec.axes().get(2).points().get(1).get("learning_rate").value())
                .isEqualTo(0.001);
        assertThat(spec.combinations()).isEqualTo(5 * 2 * 2 * 3);
        assertThat(spec.exclusions()).hasSize(1);
        assertThat(spec.slurm())
                .isEqualTo(new SlurmSettings("GPUQ", "gpu:V100:1", 16, "32G", "2-00:00:00", 4, 120, null, null));
    }

    @Test
    void unknownKey_namesLineAndSuggestion() throws IOException {
        assertBadInput(
                        """
                name: s
                grid:
                  batch_sizes: [16]
                """)
                .hasMessage(
                        f()
                                + ":3:3: grid.batch_sizes: \"batch_sizes\" is not a run parameter. Did you mean \"batch_size\"?");
    }

    @Test
    void unknownKeys_everywhere_areAllReportedTogether() throws IOException {
        assertBadInput(
                        """
                name: s
                bse: {}
                base: {lr: 0.1}
                zip: [{modle: [lenet]}]
                exclude: [{optimiser: adam}]
                slurm: {cpus-per-task: 4}
                """)
                .hasMessage("5 problems in " + f() + ":\n"
                        + f() + ":2:1: bse: unknown top-level key. Did you mean \"base\"?\n"
                        + f() + ":3:8: base.lr: \"lr\" is not a run parameter. Did you mean \"learning_rate\"?\n"
                        + f() + ":4:8: zip[0].modle: \"modle\" is not a run parameter. Did you mean \"model\"?\n"
                        + f()
                        + ":5:12: exclude[0].optimiser: \"optimiser\" is not a run parameter. Did you mean \"optimizer\"?\n"
                        + f() + ":6:9: slurm.cpus-per-task: unknown Slurm setting. Did you mean \"cpus_per_task\"?");
    }

    @Test
    void parameterAtTopLevel_saysWhereParametersGo() throws IOException {
        assertBadInput("name: s\nepochs: 3\n")
                .hasMessage(
                        f()
                                + ":2:1: epochs: unknown top-level key. Run parameters go under base: (one value) or grid: (a list of values).");
    }

    @Test
    void wrongTypeOrRange_namesLineKeyAndExpectation() throws IOException {
        assertBadInput(
                        """
                name: s
                base:
                  learning_rate: "0.1"
                grid:
                  momentum: [0.9, 1.5]
                  optimizer: [sgd, adma]
                """)
                .hasMessage(
                        "3 problems in " + f() + ":\n"
                                + f()
                                + ":3:18: base.learning_rate: got \"0.1\" (a string); expected a number > 0. Write a number without quotes.\n"
                                + f() + ":5:19: grid.momentum: 1.5 is not allowed; expected a number in [0, 1).\n"
                                + f()
                                + ":6:20: grid.optimizer: \"adma\" is not allowed; expected one of sgd, adam. Did you mean \"adam\"?");
    }

    @Test
    void gridEntryNotAList_isError() throws IOException {
        assertBadInput("name: s\ngrid:\n  batch_size: 16\n")
                .hasMessage(
                        f()
                                + ":3:15: grid.batch_size: expected a list of values, found the value 16. Write [16], or move a single value to base:.");
    }

    @Test
    void gridEntryEmptyList_isError() throws IOException {
        assertBadInput("name: s\ngrid:\n  batch_size: []\n")
                .hasMessage(f() + ":3:15: grid.batch_size: the list is empty; expected at least one value.");
    }

    @Test
    void emptyGrid_isError_butMissingGridIsOneRun() throws IOException {
        assertBadInput("name: s\ngrid: {}\n").hasMessageStartingWith(f() + ":2:7: grid: the grid is empty;");
        assertBadInput("name: s\ngrid:\n").hasMessageStartingWith(f() + ":2:6: grid: the grid is empty;");
        assertThat(parse("name: s\n").combinations()).isEqualTo(1);
    }

    @Test
    void listParameterInGrid_needsListOfLists() throws IOException {
        assertBadInput("name: s\ngrid:\n  milestones: [100, 150]\n")
                .hasMessage(f() + ":3:16: grid.milestones: milestones takes a list, so each value here is a list; "
                        + "write milestones: [[100, 150]] for one value or [[100], [150]] for two.");
        assertThat(parse("name: s\ngrid:\n  milestones: [[100, 150], [50]]\n")
                        .axes()
                        .get(0)
                        .points()
                        .get(0)
                        .get("milestones")
                        .value())
                .isEqualTo(List.of(100, 150));
    }

    @Test
    void duplicateValueInAxis_isError() throws IOException {
        assertBadInput("name: s\nseeds: [0, 1, 0]\n")
                .hasMessage(
                        f()
                                + ":2:15: seeds: the value 0 is listed twice (first at 2:9); expected each value once. Remove one.");
    }

    @Test
    void zipUnequalLengths_isError() throws IOException {
        assertBadInput(
                        """
                name: s
                zip:
                  - model: [lenet, dla]
                    learning_rate: [0.1, 0.01, 0.001]
                """)
                .hasMessage(f()
                        + ":3:5: zip[0]: the lists have different lengths (model: 2 on line 3, learning_rate: 3 on line 4); "
                        + "expected lists of equal length, because the i-th values of a zip group are used together. "
                        + "Make them the same length, or use grid: for a product.");
    }

    @Test
    void sameKeyInTwoAxes_isError() throws IOException {
        assertBadInput(
                        """
                name: s
                grid:
                  model: [lenet]
                  seed: [1, 2]
                zip:
                  - {model: [dla], epochs: [3]}
                seeds: [5]
                """)
                .hasMessage("2 problems in " + f() + ":\n"
                        + f()
                        + ":6:6: zip[0].model: model is already varied by grid.model (line 3); a parameter can be varied by one axis only. Keep it in one of them.\n"
                        + f()
                        + ":7:8: seeds: seed is already varied by grid.seed (line 4); a parameter can be varied by one axis only. "
                        + "Keep it in one of them (seeds: is the usual place).");
    }

    @Test
    void yamlSyntaxError_givesPosition() throws IOException {
        assertBadInput("name: s\ngrid:\n  batch_size: [16, 32\n  epochs: [1]\n")
                .hasMessageStartingWith(f() + ":4:9: YAML syntax error: expected ',' or ']', but got : "
                        + "(while parsing a flow sequence that starts at line 3)")
                .hasMessageEndingWith("Fix the YAML there; values containing ': ', ' #', '[' or '{' need quotes.");
    }

    @Test
    void duplicateKeys_areErrors() throws IOException {
        assertBadInput("name: s\nbase:\n  epochs: 3\n  epochs: 4\n")
                .hasMessage(
                        f() + ":4:3: base.epochs: duplicate key; it is first set on line 3. Keep only one of them.");
    }

    @Test
    void missingOrBadName_isError() throws IOException {
        assertBadInput("base: {}\n")
                .hasMessage(f() + ": name: missing; every sweep needs a unique name of lower-case letters, "
                        + "digits and '-', e.g. name: cifar10-batch-size.");
        assertBadInput("name: CIFAR 10_run\n")
                .hasMessage(
                        f() + ":1:7: name: \"CIFAR 10_run\" is not allowed; "
                                + "expected lower-case letters, digits and '-', at most 64 characters. Try name: cifar-10-run.");
    }

    @Test
    void emptyFileOrNonMapping_isError() throws IOException {
        assertBadInput("# nothing\n")
                .hasMessage(f() + ": the file is empty; a sweep needs at least a name: and usually base: and grid:.");
        assertBadInput("- a\n- b\n").hasMessageStartingWith(f() + ":1:1: (top level): expected a mapping of keys");
    }

    @Test
    void missingFile_isBadInput() {
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> SweepParser.parse(missing))
                .isInstanceOf(ExitException.class)
                .hasMessage(missing + ": no such sweep file. Check the path.");
    }

    @Test
    void exclusionValues_areChecked() throws IOException {
        assertBadInput("name: s\nexclude:\n  - {optimizer: adamw}\n")
                .hasMessage(
                        f()
                                + ":3:17: exclude[0].optimizer: \"adamw\" is not allowed; expected one of sgd, adam. Did you mean \"adam\"?");
    }

    @Test
    void yaml11Scalars_staySafe() throws IOException {
        SweepSpec spec = parse(
                "name: s\nbase:\n  learning_rate: 1e-3\n  data_dir: 2020-01-01\nslurm:\n  time: 2:00:00\n  mem: 32000\n");

        assertThat(spec.base().get("learning_rate").value()).isEqualTo(0.001);
        assertThat(spec.base().get("data_dir").value()).isEqualTo("2020-01-01");
        assertThat(spec.slurm().time()).isEqualTo("2:00:00");
        assertThat(spec.slurm().mem()).isEqualTo("32000");
    }

    @Test
    void slurmValues_areChecked() throws IOException {
        assertBadInput("name: s\nslurm:\n  time: 2 days\n")
                .hasMessageStartingWith(
                        f() + ":3:9: slurm.time: \"2 days\" is not allowed; expected a Slurm time limit");
        assertBadInput("name: s\nslurm:\n  max_concurrent: \"4\"\n")
                .hasMessage(
                        f()
                                + ":3:19: slurm.max_concurrent: expected an integer, found the value 4. Write it without quotes.");
        assertBadInput("name: s\nslurm:\n  time: \"1:00\"\n  signal_grace: 120\n")
                .hasMessage(f()
                        + ":4:17: slurm.signal_grace: 120 is not allowed; expected fewer seconds than the time limit 1:00 (60 s), "
                        + "so the worker can checkpoint before it.");
    }
}
