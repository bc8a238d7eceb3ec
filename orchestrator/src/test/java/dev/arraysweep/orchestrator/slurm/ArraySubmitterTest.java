package dev.arraysweep.orchestrator.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.orchestrator.grid.SlurmSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArraySubmitterTest {

    @TempDir
    Path work;

    /** Accepts scripts until {@code refuseAt}, numbering jobs from 100. */
    private static final class FakeSlurm implements Slurm {
        final List<Path> submitted = new ArrayList<>();
        final int refuseAt;

        FakeSlurm(int refuseAt) {
            this.refuseAt = refuseAt;
        }

        @Override
        public String submit(Path script) {
            if (submitted.size() == refuseAt) {
                throw ExitException.badInput("sbatch refused " + script);
            }
            submitted.add(script);
            return Integer.toString(100 + submitted.size() - 1);
        }

        @Override
        public SlurmPoll poll(Collection<String> jobIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancel(String jobId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int maxArraySize() {
            return 1001;
        }

        @Override
        public boolean installed() {
            return true;
        }
    }

    private List<SbatchSpec> specs(List<Integer> runs) {
        SbatchSpec base = SbatchSpecTest.spec(SlurmSettings.defaults(), work, "bin/worker run --sweep demo");
        return ArrayPlanner.forCluster(1001, 0).plan(runs).stream()
                .map(base::withArray)
                .toList();
    }

    @Test
    void twoArrays_writesNumberedScriptsAndLogFolder() throws Exception {
        FakeSlurm slurm = new FakeSlurm(-1);
        Files.createDirectories(work.resolve("runs/demo"));
        Files.writeString(work.resolve("runs/demo/submit-7.sbatch"), "old");

        List<SubmittedArray> arrays = new ArraySubmitter(slurm).submit(specs(List.of(5, 1500)), a -> {});

        assertThat(arrays).extracting(SubmittedArray::jobId).containsExactly("100", "101");
        assertThat(arrays)
                .extracting(a -> a.script().getFileName().toString())
                .containsExactly("submit-8.sbatch", "submit-9.sbatch");
        assertThat(Files.readString(arrays.get(1).script()))
                .contains("#SBATCH --array=500\n")
                .contains("export ARRAYSWEEP_INDEX_OFFSET=1000\n");
        assertThat(work.resolve("runs/demo/logs")).isDirectory();
    }

    @Test
    void secondRefused_messageListsFirst() {
        FakeSlurm slurm = new FakeSlurm(1);

        assertThatThrownBy(() -> new ArraySubmitter(slurm).submit(specs(List.of(5, 1500)), a -> {}))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("sbatch refused")
                .hasMessageContaining("already submitted before this: job 100 (runs 5)");
    }
}
