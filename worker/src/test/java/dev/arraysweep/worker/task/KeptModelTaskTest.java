package dev.arraysweep.worker.task;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.journal.JournalReader;
import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.testkit.Checkout;
import dev.arraysweep.testkit.Require;
import dev.arraysweep.worker.models.Models;
import java.io.DataInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker whose run is done keeps its final model in runs/<sweep>/models/<index>/, in both formats, and with
 * {@code keep_best} its best epoch's model as well.
 */
class KeptModelTaskTest {
    @TempDir
    Path dir;

    /** Runs a tiny Fashion-MNIST run with {@code extra} parameters to its end. {@return the workspace} */
    private Workspace runToTheEnd(Map<String, Object> extra) throws Exception {
        Require.fashionMnist();
        String url = "jdbc:h2:file:" + dir.resolve("arraysweep");
        Database db = Database.open(url);
        Map<String, Object> more = new HashMap<>(Map.of("train_limit", 200, "test_limit", 50));
        more.putAll(extra);
        Workspace ws = new Workspace(dir, url);
        TinyRun.store(db, ws, "s", TinyRun.params(1, more));
        // best files of an earlier run at this index, which a run starting afresh removes
        Files.createDirectories(ws.modelDir("s", 0));
        Files.writeString(ws.modelDir("s", 0).resolve("best.json"), "{\"epoch\": 99}");
        TinyRun.Outcome o = TinyRun.train(ws, "s", Map.of(), () -> false);

        assertThat(o.code()).as(o.out()).isZero();
        return ws;
    }

    @Test
    void doneRun_leavesFinalParamsAndSafetensors_ofTheSameTrainedWeights() throws Exception {
        Workspace ws = runToTheEnd(Map.of());
        Path models = dir.resolve("runs/s/models/0");
        assertThat(models).isEqualTo(ws.modelDir("s", 0));
        assertThat(models.resolve("final.params")).isRegularFile();
        assertThat(models.resolve("final.safetensors")).isRegularFile();
        try (var files = Files.list(models)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("no temporary file left, no best file without keep_best (the stale one removed)")
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

    @Test
    void keepBest_leavesTheModelOfTheEpochWithTheBestJournalledTestLoss() throws Exception {
        int epochs = 5;
        Workspace ws = runToTheEnd(Map.of("epochs", epochs, "learning_rate", 0.5, "keep_best", "test-loss"));
        Path models = ws.modelDir("s", 0);
        try (var files = Files.list(models)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "final.params", "final.safetensors", "best.params", "best.safetensors", "best.json");
        }
        List<EpochMetrics> test = JournalReader.read(ws.journal("s", 0), 0).events().stream()
                .filter(e -> e.type().equals(JournalEvent.EPOCH))
                .flatMap(e -> e.metrics().stream())
                .filter(m -> m.split().equals("test"))
                .toList();
        assertThat(test).extracting(EpochMetrics::epoch).containsExactly(0, 1, 2, 3, 4);
        EpochMetrics best = test.get(0);
        for (EpochMetrics m : test) {
            best = m.meanLoss() < best.meanLoss() ? m : best; // strictly lower: a tie keeps the earlier epoch
        }
        JsonNode json = new ObjectMapper().readTree(models.resolve("best.json").toFile());
        assertThat(json.get("epoch").asInt())
                .as("best.json, with the journalled rows %s", test)
                .isEqualTo(best.epoch());
        assertThat(json.get("metric").asText()).isEqualTo("test-loss");
        assertThat(json.get("value").asDouble()).isEqualTo(best.meanLoss());
        if (best.epoch() == epochs - 1) {
            assertThat(Files.readAllBytes(models.resolve("best.params")))
                    .isEqualTo(Files.readAllBytes(models.resolve("final.params")));
        } else {
            assertThat(Files.readAllBytes(models.resolve("best.params")))
                    .as("an earlier epoch's weights")
                    .isNotEqualTo(Files.readAllBytes(models.resolve("final.params")));
        }
    }

    /**
     * Needs Debian's python3-torch ({@link Require#torch}; CI installs it): PyTorch loads best.safetensors into the
     * original fcnet16 with {@code load_state_dict(strict=True)}.
     */
    @Test
    void keepBest_bestSafetensors_loadsStrictlyIntoPyTorch() throws Exception {
        Path script = Checkout.find("worker/src/test/python/load_kept_model.py").orElseThrow();
        Require.torch();
        Workspace ws = runToTheEnd(Map.of("epochs", 2, "keep_best", "test-accuracy"));
        Path best = ws.modelDir("s", 0).resolve("best.safetensors");
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), "fcnet16", "1", "10", best.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        JsonNode logits = new ObjectMapper()
                .readTree(output.lines()
                        .filter(l -> l.startsWith("["))
                        .findFirst()
                        .orElseThrow());
        assertThat(logits.size()).as("2 inputs x 10 classes").isEqualTo(20);
    }
}
