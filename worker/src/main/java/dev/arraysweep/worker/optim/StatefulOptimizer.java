package dev.arraysweep.worker.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts every optimiser shares: selecting trainable parameters, the per-step memory scope,
 * zeroing gradients, named per-parameter buffers and saving them.
 *
 * <p>Buffers are named {@code <buffer>.<parameter index>} and live in a sub-manager of the first
 * parameter's manager, so they sit on the parameters' device. Restored state is decoded lazily,
 * at the next step, because only then is that manager known.
 */
abstract class StatefulOptimizer implements Optimizer {

    private static final String MAGIC = "arraysweep-optimizer-state";
    private static final int FORMAT = 1;

    private final Map<String, NDArray> buffers = new TreeMap<>();
    private NDManager stateManager;
    private byte[] pendingBuffers;
    private long steps;
    private int parameterCount = -1;

    /**
     * Updates one parameter in place. Arrays created here belong to {@code scope} and are freed
     * after the step; buffers come from {@link #buffer} and are kept with {@link #keep}.
     */
    abstract void update(int index, NDArray param, NDArray grad, double learningRate, NDManager scope);

    @Override
    public final void step(List<Parameter> parameters, double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + learningRate);
        }
        List<NDArray> trainable = new ArrayList<>();
        for (Parameter parameter : parameters) {
            if (parameter.requiresGradient()) {
                trainable.add(parameter.getArray());
            }
        }
        if (trainable.isEmpty()) {
            return;
        }
        checkParameterCount(trainable.size());
        openState(trainable.get(0).getManager());
        steps++;
        try (NDManager scope = stateManager.newSubManager();
                Autograd.Scope noGrad = Autograd.disabled()) {
            for (int i = 0; i < trainable.size(); i++) {
                NDArray param = trainable.get(i);
                NDArray grad = param.getGradient();
                grad.attach(scope);
                scope.tempAttachAll(param);
                update(i, param, grad, learningRate, scope);
                Autograd.zeroGradient(param);
            }
        }
    }

    /** {@return the 1-based number of the step in progress (PyTorch's {@code state["step"]})} */
    final long currentStep() {
        return steps;
    }

    @Override
    public final long steps() {
        return steps;
    }

    /**
     * Returns a buffer of the parameter, attached to {@code scope} for this step, or null if the
     * buffer does not exist yet.
     */
    final NDArray buffer(String name, int index, NDArray param, NDManager scope) {
        String key = name + "." + index;
        NDArray buffer = buffers.get(key);
        if (buffer == null) {
            return null;
        }
        if (!buffer.getShape().equals(param.getShape())) {
            throw new IllegalStateException("optimizer buffer " + key + " has shape " + buffer.getShape()
                    + " but parameter " + index + " has shape " + param.getShape()
                    + ": was the state saved for another model?");
        }
        scope.tempAttachAll(buffer);
        return buffer;
    }

    /**
     * Keeps {@code value} (created in this step's scope) as a buffer of the parameter, replacing
     * and freeing an older one, and returns it attached to {@code scope} for the rest of the step.
     */
    final NDArray keep(String name, int index, NDArray value, NDManager scope) {
        String key = name + "." + index;
        value.attach(stateManager);
        value.setName(key);
        NDArray old = buffers.put(key, value);
        if (old != null && old != value) {
            old.close();
        }
        scope.tempAttachAll(value);
        return value;
    }

    @Override
    public final byte[] saveState() {
        byte[] encodedBuffers = pendingBuffers != null ? pendingBuffers : encodeBuffers();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(describe());
            out.writeLong(steps);
            out.writeInt(parameterCount);
            out.writeInt(encodedBuffers.length);
            out.write(encodedBuffers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public final void restoreState(byte[] state) {
        String savedBy;
        long savedSteps;
        int savedCount;
        byte[] encodedBuffers;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT) {
                throw new IllegalArgumentException("not optimizer state (format " + FORMAT + ")");
            }
            savedBy = in.readUTF();
            savedSteps = in.readLong();
            savedCount = in.readInt();
            encodedBuffers = in.readNBytes(in.readInt());
        } catch (IOException e) {
            throw new IllegalArgumentException("not optimizer state: " + e.getMessage(), e);
        }
        if (!savedBy.equals(describe())) {
            throw new IllegalArgumentException(
                    "optimizer state was saved by " + savedBy + " but this optimizer is " + describe());
        }
        closeBuffers();
        steps = savedSteps;
        parameterCount = savedCount;
        pendingBuffers = encodedBuffers;
    }

    @Override
    public final void close() {
        closeBuffers();
        if (stateManager != null) {
            stateManager.close();
            stateManager = null;
        }
    }

    @Override
    public String toString() {
        return describe();
    }

    private void checkParameterCount(int count) {
        if (parameterCount >= 0 && parameterCount != count) {
            throw new IllegalStateException("optimizer state holds " + parameterCount
                    + " trainable parameters but the step was given " + count
                    + ": pass the same model's parameters at every step");
        }
        parameterCount = count;
    }

    private void openState(NDManager parameterManager) {
        if (stateManager == null) {
            stateManager = parameterManager.newSubManager();
        }
        if (pendingBuffers != null) {
            for (NDArray array : NDList.decode(stateManager, pendingBuffers)) {
                buffers.put(array.getName(), array);
            }
            pendingBuffers = null;
        }
    }

    private byte[] encodeBuffers() {
        NDList list = new NDList();
        buffers.values().forEach(list::add);
        return list.encode();
    }

    private void closeBuffers() {
        buffers.values().forEach(NDArray::close);
        buffers.clear();
        pendingBuffers = null;
    }
}
