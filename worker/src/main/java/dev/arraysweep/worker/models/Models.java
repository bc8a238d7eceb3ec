package dev.arraysweep.worker.models;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.params.ModelNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Builds the experiments' models by name, initialises them like PyTorch from a seed, and counts parameters.
 *
 * <p>Names: {@code resnet18}, {@code lenet}, {@code dla}, {@code simpledla} and {@code fcnet<N>} for N as
 * {@link ModelNames#FCNET} allows (case-insensitive). Every model takes {@code (batch, channels, 32, 32)} images.
 */
public final class Models {

    /** Side of the square input images. */
    public static final int INPUT_SIDE = 32;

    private static final List<String> NAMES = List.of("resnet18", "lenet", "dla", "simpledla", "fcnet<N>");
    private static final List<String> EXAMPLES =
            List.of("resnet18", "lenet", "dla", "simpledla", "fcnet100", "fcnet3000");

    private Models() {}

    /** {@return the accepted model names, with {@code fcnet<N>} standing for any positive N} */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * {@return the uninitialised model {@code name} for images with {@code inChannels} channels}
     *
     * @throws ExitException (bad input) for an unknown name
     */
    public static Block build(String name, int inChannels, int numClasses) {
        if (inChannels < 1 || numClasses < 1) {
            throw new IllegalArgumentException(
                    "need at least 1 channel and 1 class, got " + inChannels + " and " + numClasses);
        }
        String key = name.toLowerCase(Locale.ROOT);
        Matcher fcnet = ModelNames.FCNET.matcher(key);
        if (fcnet.matches()) {
            return FcNet.create(Integer.parseInt(fcnet.group(1)), numClasses);
        }
        return switch (key) {
            case "resnet18" -> ResNet18.create(numClasses);
            case "lenet" -> LeNet.create(numClasses);
            case "dla" -> Dla.full(numClasses);
            case "simpledla" -> Dla.simple(numClasses);
            default -> throw ExitException.badInput("unknown model '" + name + "': expected one of "
                    + String.join(", ", NAMES) + " (N a positive integer, e.g. fcnet3000).");
        };
    }

    /** {@return the shape of a batch of one image with {@code channels} channels} */
    public static Shape inputShape(int channels) {
        return new Shape(1, channels, INPUT_SIDE, INPUT_SIDE);
    }

    /**
     * Initialises a new block's parameters on {@code manager} as PyTorch would, from {@code seed}.
     *
     * <p>The same seed gives identical weights on any machine: values come from a Java
     * {@link java.util.SplittableRandom}, not from the engine's RNG.
     *
     * @param input the input shape, e.g. {@link #inputShape(int)}
     * @throws IllegalStateException if the block is already initialised
     */
    public static void initialize(Block block, NDManager manager, Shape input, long seed) {
        if (block.isInitialized()) {
            throw new IllegalStateException("block is already initialised; build a new one to initialise from a seed");
        }
        new PyTorchInit(seed).applyTo(block);
        block.initialize(manager, DataType.FLOAT32, input);
    }

    /** {@return the number of trainable values of an initialised block: BatchNorm running statistics excluded} */
    public static long trainableParameterCount(Block block) {
        if (!block.isInitialized()) {
            throw new IllegalStateException("block is not initialised; use trainableParameterCount(block, input)");
        }
        long count = 0;
        for (Parameter parameter : block.getParameters().values()) {
            if (parameter.requiresGradient()) {
                count += parameter.getArray().size();
            }
        }
        return count;
    }

    /**
     * {@return the number of trainable values of {@code block} for inputs of shape {@code input}}
     *
     * <p>An uninitialised block is initialised with zeros on a temporary manager, counted and cleared
     * again, with its initializers restored: it can be initialised for real afterwards.
     */
    public static long trainableParameterCount(Block block, Shape input) {
        if (block.isInitialized()) {
            return trainableParameterCount(block);
        }
        Map<Parameter, Initializer> initializers = new LinkedHashMap<>();
        for (Parameter parameter : block.getParameters().values()) {
            initializers.put(parameter, parameter.getInitializer());
            parameter.setInitializer(Initializer.ZEROS);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, input);
            return trainableParameterCount(block);
        } finally {
            block.clear();
            initializers.forEach(Parameter::setInitializer);
        }
    }

    /** {@return the trainable parameter count of model {@code name} for the given image channels and classes} */
    public static ModelSize size(String name, int channels, int numClasses) {
        return new ModelSize(name, trainableParameterCount(build(name, channels, numClasses), inputShape(channels)));
    }

    /** {@return the size of every model (fcnet as fcnet100 and fcnet3000) for the given channels and classes} */
    public static List<ModelSize> sizes(int channels, int numClasses) {
        List<ModelSize> sizes = new ArrayList<>();
        for (String name : EXAMPLES) {
            sizes.add(size(name, channels, numClasses));
        }
        return sizes;
    }
}
