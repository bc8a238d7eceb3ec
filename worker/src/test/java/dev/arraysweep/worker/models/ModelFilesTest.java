package dev.arraysweep.worker.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arraysweep.testkit.Checkout;
import dev.arraysweep.testkit.Require;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model files a finished run keeps: {@code final.safetensors} read back by an independent reader has exactly
 * the keys and shapes of the PyTorch originals' state dicts (the resource {@code torch-state-dict.json}, written by
 * {@code worker/src/test/python/torch_state_dict_keys.py}) and the model's values; {@code final.params} loads
 * back into a fresh block.
 */
class ModelFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A tensor as read from a safetensors file. */
    record Read(String dtype, long[] shape, float[] values) {}

    static Stream<Arguments> cases() throws IOException {
        JsonNode root;
        try (InputStream in = ModelFilesTest.class.getResourceAsStream("/torch-state-dict.json")) {
            root = JSON.readTree(in);
        }
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            out.add(Arguments.of(
                    c.get("model").asText(),
                    c.get("channels").asInt(),
                    c.get("classes").asInt(),
                    c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1} channels")
    @MethodSource("cases")
    void safetensors_hasThePyTorchKeysAndShapes_andTheModelsValues(String model, int channels, int classes, JsonNode c)
            throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Models.build(model, channels, classes);
            Models.initialize(block, manager, Models.inputShape(channels), 7);
            ModelFiles.writeFinal(block, model, dir);

            Map<String, Read> file = read(dir.resolve(ModelFiles.FINAL_SAFETENSORS));
            List<String> expected = new ArrayList<>();
            for (JsonNode t : c.get("tensors")) {
                String key = t.get(0).asText();
                if (key.endsWith(".num_batches_tracked")) {
                    assertThat(file)
                            .as("BatchNorm's batch counter, which DJL has not")
                            .doesNotContainKey(key);
                    continue;
                }
                expected.add(key);
                assertThat(file).as("PyTorch's %s", key).containsKey(key);
                Read r = file.get(key);
                assertThat(r.shape()).as("shape of %s", key).isEqualTo(longs(t.get(1)));
                assertThat(r.dtype()).as(key).isEqualTo("F32");
                assertThat(t.get(2).asText()).as("PyTorch's dtype of %s", key).isEqualTo("float32");
            }
            assertThat(file.keySet()).as("every key, in state-dict order").containsExactlyElementsOf(expected);

            // values: the i-th DJL parameter is the i-th tensor of PyTorch's state dict
            PairList<String, Parameter> parameters = block.getParameters();
            assertThat(parameters.size()).isEqualTo(expected.size());
            for (int i = 0; i < parameters.size(); i++) {
                assertSameValues(
                        file.get(expected.get(i)).values(),
                        parameters.valueAt(i).getArray().toFloatArray(),
                        expected.get(i) + " = DJL " + parameters.keyAt(i));
            }
        }
    }

    @ParameterizedTest(name = "{0} on {1} channels")
    @MethodSource("cases")
    void params_loadIntoAFreshBlock_withEqualParameters(String model, int channels, int classes, JsonNode c)
            throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block trained = Models.build(model, channels, classes);
            Models.initialize(trained, manager, Models.inputShape(channels), 7);
            ModelFiles.writeFinal(trained, model, dir);

            Block fresh = Models.build(model, channels, classes);
            Models.initialize(fresh, manager, Models.inputShape(channels), 8);
            assertThat(fresh.getParameters().valueAt(0).getArray().toFloatArray())
                    .as("another seed, other weights before loading")
                    .isNotEqualTo(trained.getParameters().valueAt(0).getArray().toFloatArray());
            try (DataInputStream in = new DataInputStream(Files.newInputStream(dir.resolve(ModelFiles.FINAL_PARAMS)))) {
                fresh.loadParameters(manager, in);
            }
            PairList<String, Parameter> a = trained.getParameters();
            PairList<String, Parameter> b = fresh.getParameters();
            assertThat(b.keys()).isEqualTo(a.keys());
            for (int i = 0; i < a.size(); i++) {
                assertSameValues(
                        b.valueAt(i).getArray().toFloatArray(),
                        a.valueAt(i).getArray().toFloatArray(),
                        a.keyAt(i));
            }
        }
    }

    @Test
    void safetensors_header_isAlignedAndNamesTheFormat() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Models.build("fcnet3", 1, 2);
            Models.initialize(block, manager, Models.inputShape(1), 1);
            ModelFiles.writeFinal(block, "fcnet3", dir);
        }
        byte[] bytes = Files.readAllBytes(dir.resolve(ModelFiles.FINAL_SAFETENSORS));
        long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat((8 + n) % 8).as("data 8-byte aligned").isZero();
        JsonNode header = JSON.readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
        assertThat(header.get("__metadata__").get("format").asText()).isEqualTo("pt");
        // by hand: 1024 inputs, 3 hidden, 2 classes: 3*1024 + 3 + 2*3 + 2 floats
        assertThat(bytes.length - 8 - n).isEqualTo(4L * (3 * 1024 + 3 + 2 * 3 + 2));
        assertThat(header.get("3.weight").get("shape").toString()).isEqualTo("[2,3]");
        assertThat(header.get("3.weight").get("data_offsets").toString())
                .isEqualTo("[" + 4 * (3 * 1024 + 3) + "," + 4 * (3 * 1024 + 3 + 6) + "]");
    }

    @Test
    void aBlockThatIsNotTheNamedModel_isRefused_notWrittenUnderWrongNames() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block lenet = Models.build("lenet", 1, 10);
            Models.initialize(lenet, manager, Models.inputShape(1), 1);
            assertThatThrownBy(() -> ModelFiles.torchStateDict(lenet, "fcnet8"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("10 parameters in DJL but 4 tensors");
        }
    }

    /**
     * Needs Debian's python3-torch ({@link Require#torch}; CI installs it): PyTorch loads each file into the original class with
     * {@code load_state_dict(strict=True)} and its eval logits equal DJL's.
     */
    @Test
    void pyTorchLoadsTheFile_strictly_andComputesTheSameLogits() throws Exception {
        Optional<Path> script = Checkout.find("worker/src/test/python/load_kept_model.py");
        assertThat(script)
                .as("worker/src/test/python/load_kept_model.py in the checkout")
                .isPresent();
        Require.torch();
        String[][] cases = {{"resnet18", "3", "10"}, {"lenet", "1", "10"}, {"dla", "3", "10"}, {"simpledla", "1", "7"}};
        List<String> command =
                new ArrayList<>(List.of("/usr/bin/python3", script.get().toString()));
        List<float[]> djl = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (String[] c : cases) {
                int channels = Integer.parseInt(c[1]);
                Block block = Models.build(c[0], channels, Integer.parseInt(c[2]));
                Models.initialize(block, manager, Models.inputShape(channels), 3);
                setRunningStatistics(block);
                Path d = dir.resolve(c[0]);
                ModelFiles.writeFinal(block, c[0], d);
                command.addAll(List.of(
                        c[0],
                        c[1],
                        c[2],
                        d.resolve(ModelFiles.FINAL_SAFETENSORS).toString()));
                Shape input = new Shape(2, channels, Models.INPUT_SIDE, Models.INPUT_SIDE);
                djl.add(block.forward(
                                new ParameterStore(manager, false),
                                new NDList(manager.create(ClosedFormWeights.input((int) input.size()), input)),
                                false)
                        .head()
                        .toFloatArray());
            }
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        Iterator<String> lines = output.lines().filter(l -> l.startsWith("[")).iterator();
        for (int i = 0; i < cases.length; i++) {
            JsonNode logits = JSON.readTree(lines.next());
            float[] expected = djl.get(i);
            assertThat(logits.size()).isEqualTo(expected.length);
            double scale = 1e-6;
            for (float v : expected) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int k = 0; k < expected.length; k++) {
                assertThat(logits.get(k).asDouble())
                        .as("%s logit %d", cases[i][0], k)
                        .isCloseTo(expected[k], within(1e-4 * scale));
            }
        }
    }

    /** Gives BatchNorm non-trivial running statistics, so loading them into the wrong place would show. */
    private static void setRunningStatistics(Block block) {
        int g = 0;
        for (Parameter p : block.getParameters().values()) {
            if (p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR) {
                float[] v = new float[(int) p.getArray().size()];
                for (int i = 0; i < v.length; i++, g++) {
                    double s = Math.sin(0.37 * g + 0.0013 * g * g);
                    v[i] = (float) (p.getType() == Parameter.Type.RUNNING_MEAN ? 0.1 * s : 1.25 + 0.25 * s);
                }
                p.getArray().set(v);
            }
        }
    }

    /**
     * Asserts equal arrays, bit for bit; AssertJ's {@code containsExactly} is too slow for ResNet18's millions of
     * values.
     */
    static void assertSameValues(float[] actual, float[] expected, String what) {
        assertThat(actual.length).as("%s: number of values", what).isEqualTo(expected.length);
        int at = Arrays.mismatch(actual, expected);
        assertThat(at)
                .as(
                        "%s: first differing value at %d (%s, expected %s)",
                        what, at, at < 0 ? "" : actual[at], at < 0 ? "" : expected[at])
                .isEqualTo(-1);
    }

    /** An independent safetensors reader: header length, JSON header, contiguous little-endian data. */
    static Map<String, Read> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        JsonNode header = JSON.readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
        int dataStart = 8 + (int) n;
        Map<String, Read> out = new LinkedHashMap<>();
        long expectedBegin = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            JsonNode t = e.getValue();
            long begin = t.get("data_offsets").get(0).asLong();
            long end = t.get("data_offsets").get(1).asLong();
            assertThat(begin)
                    .as("%s starts where the previous tensor ends", e.getKey())
                    .isEqualTo(expectedBegin);
            expectedBegin = end;
            float[] values = new float[(int) ((end - begin) / 4)];
            ByteBuffer.wrap(bytes, dataStart + (int) begin, (int) (end - begin))
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer()
                    .get(values);
            long[] shape = longs(t.get("shape"));
            long size = 1;
            for (long d : shape) {
                size *= d;
            }
            assertThat((long) values.length)
                    .as("values of %s fill its shape", e.getKey())
                    .isEqualTo(size);
            out.put(e.getKey(), new Read(t.get("dtype").asText(), shape, values));
        }
        assertThat(dataStart + expectedBegin).as("the data ends with the file").isEqualTo(bytes.length);
        return out;
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }
}
