package dev.arraysweep.worker.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each architecture's eval-mode forward pass on closed-form weights ({@link ClosedFormWeights}) against PyTorch's
 * (the kuangliu/pytorch-cifar models, rebuilt by {@code worker/src/test/python/model_forward_reference.py}, whose
 * output is the resource {@code model-forward-reference.json}).
 *
 * <p>The mapping of parameters: DJL's {@code getParameters()} order equals PyTorch's state-dict order without
 * {@code num_batches_tracked} (a block's own weight then bias, BatchNorm's gamma, beta, running mean and
 * variance, children in the order they were added, as the originals register them; DLA's trees register their
 * root first). The test checks kind and shape position by position, so a mismatch names both sides.
 */
class ModelForwardReferenceTest {
    private static final double RELATIVE_TOLERANCE = 1e-4;

    static Stream<Arguments> cases() throws IOException {
        JsonNode root;
        try (InputStream in = ModelForwardReferenceTest.class.getResourceAsStream("/model-forward-reference.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            out.add(Arguments.of(
                    c.get("model").asText() + " on " + c.get("channels").asInt() + " channels, "
                            + c.get("classes").asInt() + " classes",
                    c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evalForward_onClosedFormWeights_matchesPyTorch(String label, JsonNode c) {
        int channels = c.get("channels").asInt();
        int classes = c.get("classes").asInt();
        int batch = c.get("logits").size();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Models.build(c.get("model").asText(), channels, classes);
            Models.initialize(block, manager, Models.inputShape(channels), 0);
            double weightSum = setClosedFormWeights(block, c.get("tensors"));
            assertThat(weightSum)
                    .as("sum of every value set, against the script's")
                    .isCloseTo(c.get("weight_sum").asDouble(), within(1e-6));

            Shape inputShape = new Shape(batch, channels, Models.INPUT_SIDE, Models.INPUT_SIDE);
            float[] logits = block.forward(
                            new ParameterStore(manager, false),
                            new NDList(manager.create(ClosedFormWeights.input((int) inputShape.size()), inputShape)),
                            false)
                    .head()
                    .toFloatArray();

            double[] expected = new double[batch * classes];
            for (int b = 0; b < batch; b++) {
                for (int k = 0; k < classes; k++) {
                    expected[b * classes + k] = c.get("logits").get(b).get(k).asDouble();
                }
            }
            double scale = 0;
            for (double e : expected) {
                scale = Math.max(scale, Math.abs(e));
            }
            assertThat(logits).hasSize(expected.length);
            for (int i = 0; i < expected.length; i++) {
                assertThat((double) logits[i])
                        .as("%s: logit %d of sample %d", label, i % classes, i / classes)
                        .isCloseTo(expected[i], within(RELATIVE_TOLERANCE * scale));
            }
        }
    }

    /** Sets every tensor of {@code block} from the closed form, checking it against PyTorch's list. {@return their sum} */
    private static double setClosedFormWeights(Block block, JsonNode torchTensors) {
        ParameterList parameters = block.getParameters();
        assertThat(parameters.size())
                .as("tensors in DJL and in PyTorch's state dict")
                .isEqualTo(torchTensors.size());
        long start = 0;
        double sum = 0;
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.valueAt(i);
            JsonNode torch = torchTensors.get(i);
            String where =
                    "DJL " + parameters.keyAt(i) + " / PyTorch " + torch.get(0).asText();
            long[] torchShape = new long[torch.get(2).size()];
            for (int d = 0; d < torchShape.length; d++) {
                torchShape[d] = torch.get(2).get(d).asLong();
            }
            Shape shape = p.getArray().getShape();
            assertThat(p.getType().name()).as(where).isEqualTo(torch.get(1).asText());
            assertThat(shape).as(where).isEqualTo(new Shape(torchShape));

            int size = Math.toIntExact(shape.size());
            float[] values = ClosedFormWeights.tensor(p.getType().name(), size, shape.size() / shape.get(0), start);
            p.getArray().set(values);
            start += size;
            for (float v : values) {
                sum += v;
            }
        }
        return sum;
    }
}
