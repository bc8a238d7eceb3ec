package dev.arraysweep.orchestrator.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.arraysweep.db.ExitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a researcher coming from W&B, PyTorch or a habit writes (issue 16 item 5): each gets a hint whose fix,
 * applied as written, parses.
 */
class ForeignSpellingsTest {
    @TempDir
    Path dir;

    private String error(String yaml) throws IOException {
        Path f = Files.writeString(dir.resolve("s.yaml"), yaml);
        Throwable t = catchThrowable(() -> SweepParser.parse(f));
        assertThat(t).as(yaml).isInstanceOf(ExitException.class);
        assertThat(((ExitException) t).exitCode()).isEqualTo(ExitException.BAD_INPUT);
        return t.getMessage();
    }

    private SweepSpec parses(String yaml) throws IOException {
        return SweepParser.parse(Files.writeString(dir.resolve("fixed.yaml"), yaml));
    }

    @Test
    void wandbValues_hintIsAPlainListThatParses() throws IOException {
        String msg = error("name: s\ngrid:\n  learning_rate: {values: [0.1, 0.01]}\n");
        assertThat(msg).contains("W&B's {values: [...]} is a plain list here: write learning_rate: [0.1, 0.01].");
        SweepSpec fixed = parses("name: s\ngrid:\n  learning_rate: [0.1, 0.01]\n");
        assertThat(Expander.expand(fixed).runs()).hasSize(2);
    }

    @Test
    void wandbValueAndDistribution_sayWhatToDoInstead() throws IOException {
        assertThat(error("name: s\ngrid:\n  momentum: {value: 0.9}\n"))
                .contains("move it to base:, e.g. base: {momentum: 0.9}");
        parses("name: s\nbase: {momentum: 0.9}\n");
        assertThat(error("name: s\ngrid:\n  learning_rate: {distribution: log_uniform_values, min: 0.001, max: 0.1}\n"))
                .contains("a distribution (W&B's random or bayes search) has no equivalent")
                .contains("learning_rate: [0.001, 0.01, 0.1]");
    }

    @Test
    void wandbTopLevelKeys_areNamedAsW_B() throws IOException {
        assertThat(error("name: s\nmethod: grid\n"))
                .contains("s.yaml:2:1: method: unknown top-level key. W&B's method: has no equivalent");
        assertThat(error("name: s\nparameters:\n  epochs: {value: 3}\n"))
                .contains("W&B's parameters: is split here into base:");
    }

    @Test
    void seedCount_isToldAsAListOfThatManySeeds() throws IOException {
        assertThat(error("name: s\nseeds: 3\n"))
                .contains("For 3 seeds write seeds: [0, 1, 2] (seeds: [3] is the one seed 3).");
        assertThat(Expander.expand(parses("name: s\nseeds: [0, 1, 2]\n")).runs())
                .hasSize(3);
    }

    @Test
    void modelFamilyAndCudaAndTypos_getTheRightName() throws IOException {
        assertThat(error("name: s\nbase:\n  model: fcnet\n"))
                .contains("Did you mean \"fcnet100\"?")
                .contains("fcnet<N>");
        assertThat(error("name: s\nbase:\n  device: cuda\n")).contains("Did you mean \"gpu\"?");
        parses("name: s\nbase:\n  model: fcnet100\n  device: gpu\n");
    }
}
