package dev.arraysweep.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.task.TaskFile;
import dev.arraysweep.testkit.Require;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker trains a run on the subset its parameters name (thesis 5.4); the choice itself is SubsetTest's. */
class SubsetRunTest {
    @TempDir
    Path dir;

    private String run(int index, Map<String, Object> subset) throws Exception {
        Map<String, Object> more = new HashMap<>(Map.of("train_limit", 2000, "test_limit", 300));
        more.putAll(subset);
        ParamValues p = TinyRun.params(1, more);
        Workspace ws = new Workspace(dir, "jdbc:h2:file:" + dir.resolve("arraysweep"));
        new TaskFile("s", index, index + 1, p.hash(), p.toJson(), 1, false).write(ws.taskFile("s", index));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new TaskRunner(ws, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8))
                .run("s", index, new TaskRunner.TaskInfo("1", "1", "node"), () -> false);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** 3 classes x 40 samples = 120 training samples: 3 steps of 50, 50, 20. */
    @Test
    void perClassRun_trainsOnThatManySamplesOfEachKeptClass() throws Exception {
        Require.fashionMnist();
        assertThat(run(0, Map.of("classes", 3, "per_class", 40))).contains("trained 120 in 3 steps");
    }
}
