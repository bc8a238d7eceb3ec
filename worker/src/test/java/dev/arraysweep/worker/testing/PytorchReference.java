package dev.arraysweep.worker.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The known-answer values computed with PyTorch, torchvision and numpy (test resource). */
public final class PytorchReference {

    private static final JsonNode ROOT = load();

    private PytorchReference() {}

    /** {@return a top-level section, e.g. {@code optimizers}} */
    public static JsonNode section(String name) {
        JsonNode node = ROOT.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no section " + name + " in pytorch-reference.json");
        }
        return node;
    }

    /** {@return a JSON array of numbers as doubles} */
    public static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    /** {@return a nested JSON array of numbers, flattened in row-major order, as floats} */
    public static float[] flatFloats(JsonNode array) {
        java.util.List<Float> out = new java.util.ArrayList<>();
        flatten(array, out);
        float[] values = new float[out.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = out.get(i);
        }
        return values;
    }

    private static void flatten(JsonNode node, java.util.List<Float> out) {
        if (node.isArray()) {
            node.forEach(child -> flatten(child, out));
        } else {
            out.add((float) node.asDouble());
        }
    }

    private static JsonNode load() {
        try (InputStream in = PytorchReference.class.getResourceAsStream("/pytorch-reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
