package dev.arraysweep.worker.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The files a finished run keeps of its model, in {@code runs/<sweep>/models/<index>/}:
 *
 * <ul>
 *   <li>{@code final.params}: DJL's own format ({@link Block#saveParameters}), which
 *       {@link Block#loadParameters} reads back into the model built with {@link Models#build};
 *   <li>{@code final.safetensors}: every tensor as float32, named as the {@code state_dict} of the PyTorch
 *       original ({@link TorchNames}), so {@code model.load_state_dict(safetensors.torch.load_file(path))} loads
 *       it into kuangliu's class. Parameters and BatchNorm's running statistics are there; BatchNorm's
 *       {@code num_batches_tracked} is not (PyTorch sets it to 0).
 * </ul>
 *
 * <p>A run with {@code keep_best} also keeps its best epoch's model the same way, as {@code best.params} and
 * {@code best.safetensors}, with {@code best.json} naming the epoch, metric and value; they are rewritten whenever
 * an epoch beats the best so far, as that epoch ends.
 *
 * <p>Each file is written next to its place and moved there, so a reader never sees half a file. The best files
 * are replaced one after the other, {@code best.json} last: once it names an epoch, the weight files are that
 * epoch's (or, while a later best is being written, that one's).
 */
public final class ModelFiles {
    /** The final weights in DJL's format. */
    public static final String FINAL_PARAMS = "final.params";
    /** The final weights as safetensors with PyTorch's names. */
    public static final String FINAL_SAFETENSORS = "final.safetensors";

    /** The best epoch's weights in DJL's format. */
    public static final String BEST_PARAMS = "best.params";
    /** The best epoch's weights as safetensors with PyTorch's names. */
    public static final String BEST_SAFETENSORS = "best.safetensors";
    /** Which epoch the best files hold: {@code {"epoch": 3, "metric": "test-loss", "value": 0.41}}. */
    public static final String BEST_JSON = "best.json";

    private ModelFiles() {}

    /**
     * What {@link #BEST_JSON} says of the best epoch.
     *
     * @param epoch the epoch, numbered from 0 as the journal and {@code epoch_metric} number them
     * @param metric the {@code keep_best} metric, as the parameter names it ({@code test-loss})
     * @param value its value at that epoch, as journalled
     */
    public record Best(int epoch, String metric, double value) {
        public Best {
            if (epoch < 0) {
                throw new IllegalArgumentException("epoch " + epoch + " < 0");
            }
            Objects.requireNonNull(metric, "metric");
        }

        /** {@return the JSON of {@link #BEST_JSON}; the value as Java's shortest round-tripping decimal} */
        String json() {
            String v = Double.isFinite(value) ? Double.toString(value) : "null";
            return "{\"epoch\": " + epoch + ", \"metric\": \"" + metric + "\", \"value\": " + v + "}\n";
        }
    }

    /** Writes {@link #FINAL_PARAMS} and {@link #FINAL_SAFETENSORS} of {@code block}, model {@code name}, to {@code dir}. */
    public static void writeFinal(Block block, String name, Path dir) {
        write(block, name, dir, FINAL_PARAMS, FINAL_SAFETENSORS);
    }

    /**
     * Writes {@link #BEST_PARAMS} and {@link #BEST_SAFETENSORS} of {@code block}, model {@code name}, as
     * {@link #writeFinal} writes the final ones, then {@link #BEST_JSON} of {@code best}, to {@code dir}.
     */
    public static void writeBest(Block block, String name, Path dir, Best best) {
        write(block, name, dir, BEST_PARAMS, BEST_SAFETENSORS);
        try {
            atomically(dir.resolve(BEST_JSON), out -> out.write(best.json().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + BEST_JSON + " in " + dir, e);
        }
    }

    /**
     * Deletes the best files in {@code dir}, if any: a run that starts from scratch (or keeps no best model) must
     * not leave another run's, from an earlier use of its index, next to its own.
     */
    public static void deleteBest(Path dir) {
        try {
            for (String file : List.of(BEST_JSON, BEST_PARAMS, BEST_SAFETENSORS)) {
                Files.deleteIfExists(dir.resolve(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the best model files in " + dir, e);
        }
    }

    private static void write(Block block, String name, Path dir, String params, String safetensors) {
        try {
            Files.createDirectories(dir);
            atomically(dir.resolve(params), out -> {
                DataOutputStream data = new DataOutputStream(out);
                block.saveParameters(data);
                data.flush();
            });
            LinkedHashMap<String, SafeTensors.Tensor> tensors = torchStateDict(block, name);
            atomically(
                    dir.resolve(safetensors),
                    // sorted: Map.of iterates in an order that changes from one JVM to the next, and a resumed
                    // run must write the same bytes
                    out -> SafeTensors.write(out, new TreeMap<>(Map.of("format", "pt", "model", name)), tensors));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model files in " + dir, e);
        }
    }

    /**
     * {@return the tensors of {@code block} by PyTorch state-dict key, in DJL's parameter order}
     *
     * @throws IllegalStateException if the block's parameters do not match the original's keys in number or kind
     */
    static LinkedHashMap<String, SafeTensors.Tensor> torchStateDict(Block block, String name) {
        PairList<String, Parameter> parameters = block.getParameters();
        List<String> keys = TorchNames.of(name);
        if (keys.size() != parameters.size()) {
            throw new IllegalStateException("model " + name + " has " + parameters.size() + " parameters in DJL but "
                    + keys.size() + " tensors in PyTorch's state dict");
        }
        LinkedHashMap<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Parameter p = parameters.valueAt(i);
            String key = keys.get(i);
            String leaf = key.substring(key.lastIndexOf('.') + 1);
            if (!leaf.equals(torchLeaf(p.getType()))) {
                throw new IllegalStateException("model " + name + ": DJL parameter " + parameters.keyAt(i) + " ("
                        + p.getType() + ") is not PyTorch's " + key);
            }
            Shape shape = p.getArray().getShape();
            tensors.put(
                    key, new SafeTensors.Tensor(shape.getShape(), p.getArray().toFloatArray()));
        }
        return tensors;
    }

    /** {@return the last part of the PyTorch key of a DJL parameter of this type} */
    private static String torchLeaf(Parameter.Type type) {
        return switch (type) {
            case WEIGHT, GAMMA -> "weight";
            case BIAS, BETA -> "bias";
            case RUNNING_MEAN -> "running_mean";
            case RUNNING_VAR -> "running_var";
            default -> throw new IllegalStateException("no PyTorch name for a parameter of type " + type);
        };
    }

    /** Writes one file through a temporary sibling, then moves it into place. */
    private static void atomically(Path file, Writer writer) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            writer.write(out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }
}
