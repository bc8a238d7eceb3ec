package dev.arraysweep.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import dev.arraysweep.db.task.TaskFile;
import dev.arraysweep.testkit.Require;
import dev.arraysweep.worker.models.Models;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker whose run is done keeps its final model in runs/<sweep>/models/<index>/, in both formats. */
class KeptModelTaskTest {
    @TempDir
    Path dir;

    @Test
    void doneRun_leavesFinalParamsAndSafetensors_ofTheSameTrainedWeights() throws Exception {
        Require.fashionMnist();
        String url = "jdbc:h2:file:" + dir.resolve("arraysweep");
        Database db = Database.open(url);
        ParamValues p = Params.normalize(Map.of(
                "dataset", "fashion-mnist",
                "model", "fcnet16",
                "epochs", 1,
                "batch_size", 50,
                "train_limit", 200,
                "test_limit", 50,
                "batch_filtering", false));
        db.runs().storeExpansion("s", null, null, "t", null, List.of(new NewRun(p.hash(), p.toJson(), 1, Map.of())));
        Workspace ws = new Workspace(dir, url);
        Run stored = db.runs().find("s", 0).orElseThrow();
        TaskFile.of("s", stored).write(ws.taskFile("s", 0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = new TaskRunner(ws, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8))
                .run("s", 0, new TaskRunner.TaskInfo("1", "1", "node"), () -> false);

        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        Path models = dir.resolve("runs/s/models/0");
        assertThat(models).isEqualTo(ws.modelDir("s", 0));
        assertThat(models.resolve("final.params")).isRegularFile();
        assertThat(models.resolve("final.safetensors")).isRegularFile();
        try (var files = Files.list(models)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("no temporary file left")
                    .containsExactlyInAnyOrder("final.params", "final.safetensors");
        }

        // the DJL file loads into the model; the safetensors file holds the same trained weights
        byte[] bytes = Files.readAllBytes(models.resolve("final.safetensors"));
        long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        JsonNode header = new ObjectMapper().readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
        assertThat(header.get("1.weight").get("shape").toString()).isEqualTo("[16,1024]");
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Models.build("fcnet16", 1, 10);
            Models.initialize(block, manager, Models.inputShape(1), 99);
            try (DataInputStream in = new DataInputStream(Files.newInputStream(models.resolve("final.params")))) {
                block.loadParameters(manager, in);
            }
            Parameter last = block.getParameters().valueAt(2); // 3.weight, (10, 16)
            long begin = header.get("3.weight").get("data_offsets").get(0).asLong();
            float[] stored3 = new float[10 * 16];
            ByteBuffer.wrap(bytes, 8 + (int) n + (int) begin, stored3.length * 4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer()
                    .get(stored3);
            assertThat(stored3).containsExactly(last.getArray().toFloatArray());
        }
    }
}
