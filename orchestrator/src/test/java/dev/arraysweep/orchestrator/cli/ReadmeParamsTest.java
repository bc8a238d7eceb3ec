package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's parameter table is the registry's, as {@code arraysweep params --markdown} prints it. */
class ReadmeParamsTest {
    @Test
    void readmeTable_equalsTheRegistry() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("<!-- params:start");
        int end = readme.indexOf("<!-- params:end -->");
        assertThat(start).as("the README marks its parameter table").isNotNegative();
        String table = readme.substring(readme.indexOf('\n', start) + 1, end);
        assertThat(table)
                .as("regenerate with: bin/arraysweep params --markdown")
                .isEqualTo(ParamsCommand.markdown());
        assertThat(table).contains("| `batch_size` | 1024 |").contains("| `learning_rate` | 0.1 |");
    }
}
