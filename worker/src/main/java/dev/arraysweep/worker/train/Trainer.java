package dev.arraysweep.worker.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.arraysweep.db.model.SamplerFigures;
import dev.arraysweep.worker.data.Dataset;
import dev.arraysweep.worker.eval.Evaluator;
import dev.arraysweep.worker.eval.Losses;
import dev.arraysweep.worker.eval.SplitMetrics;
import dev.arraysweep.worker.models.ModelFiles;
import dev.arraysweep.worker.models.Models;
import dev.arraysweep.worker.optim.LrSchedule;
import dev.arraysweep.worker.optim.Optimizer;
import dev.arraysweep.worker.sampling.AcceptanceRule;
import dev.arraysweep.worker.sampling.Batch;
import dev.arraysweep.worker.sampling.SampleSource;
import dev.arraysweep.worker.sampling.SamplingStrategy;
import dev.arraysweep.worker.spec.Choices;
import dev.arraysweep.worker.spec.RunSpec;
import dev.arraysweep.worker.telemetry.ProcessMemory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The training loop of one run: per epoch, shuffle, let the sampling strategy choose each step's samples,
 * take one optimiser step per batch, then evaluate both splits and hand the results to a listener.
 *
 * <p>Why it looks the way it does: the whole dataset is one tensor on the device and batches are gathers
 * by index; each batch and each step's intermediates live in a sub-manager that is closed right after the
 * step, so memory stays flat; nothing is read back to the host during an epoch (a read forces a device
 * sync), only once per epoch for the metrics.
 */
public final class Trainer implements AutoCloseable {
    /**
     * Samples per no-gradient evaluation forward. Large batches keep a GPU busy; on a CPU a convolution's
     * im2col buffers outgrow the caches: LeNet evaluated 19,000 images/s in batches of 2048 and 30,000 in
     * batches of 256 here, while FCNet1000 lost about a tenth.
     */
    private static final int EVAL_BATCH_GPU = 2048;

    private static final int EVAL_BATCH_CPU = 256;

    private final RunSpec spec;
    private final NDManager manager;
    private final Block block;
    private final ParameterStore parameterStore;
    private final List<Parameter> parameters;
    private final Optimizer optimizer;
    private final LrSchedule schedule;
    private final SamplingStrategy strategy;
    private final DivergenceGuard guard;
    private final DeviceData trainData;
    private final NDArray trainEvalImages;
    private final NDArray trainLabels;
    private final NDArray testImages;
    private final NDArray testLabels;
    private TrainingState state;

    /**
     * Builds the model (initialised from the run's seed), moves the data to {@code device} and sets up the
     * optimiser, schedule and sampling strategy.
     */
    public Trainer(RunSpec spec, Dataset dataset, Device device) {
        this(spec, dataset, device, Factories.strategy(spec, dataset));
    }

    /**
     * As {@link #Trainer(RunSpec, Dataset, Device)}, with a sampling strategy of the caller's instead of the
     * one the run's parameters name (benchmarks inject filters with a controlled acceptance ratio this way).
     */
    public Trainer(RunSpec spec, Dataset dataset, Device device, SamplingStrategy strategy) {
        this.spec = spec;
        Engine.getInstance().setRandomSeed((int) spec.seed());
        this.manager = NDManager.newBaseManager(device);
        this.state = new TrainingState(
                spec.seed(),
                spec.limits().earlyStopping().map(EarlyStopping::new).orElse(null),
                spec.keepBest().map(BestEpoch::new).orElse(null));
        Shape input = Models.inputShape(dataset.channels());
        this.block = Models.build(spec.model(), dataset.channels(), dataset.numClasses());
        Models.initialize(block, manager, input, spec.seed());
        this.parameters = new ArrayList<>(block.getParameters().values());
        for (Parameter p : parameters) {
            if (p.requiresGradient()) {
                p.getArray().setRequiresGradient(true);
            }
        }
        this.parameterStore = new ParameterStore(manager, false);
        this.optimizer = Factories.optimizer(spec);
        this.schedule = Factories.schedule(spec);
        this.strategy = strategy;
        this.guard = new DivergenceGuard(spec.limits().epochs(), spec.limits().lossBound());

        TensorSet tensors = TensorSet.load(manager, dataset, spec.data().augmentation());
        this.trainEvalImages = tensors.trainEvalImages();
        this.trainLabels = tensors.trainLabels();
        this.testImages = tensors.testImages();
        this.testLabels = tensors.testLabels();
        this.trainData = new DeviceData(
                manager,
                tensors.trainImages(),
                trainLabels,
                tensors.prepare(() -> this.state.augmentRandom()),
                x -> forward(x, spec.judgesInTrainMode()));
    }

    /** {@return the model} */
    public Block block() {
        return block;
    }

    /**
     * {@return the sampling strategy a run's parameters name, composed as for a real run, but with its filters
     * accepting by {@code rule} (benchmarks control the acceptance ratio this way)}
     */
    public static SamplingStrategy samplingStrategy(RunSpec spec, AcceptanceRule rule) {
        return Factories.strategy(spec, rule);
    }

    /** {@return the training split as the sampling strategies see it (for benchmarks of its operations)} */
    public SampleSource trainData() {
        return trainData;
    }

    /** {@return the manager that owns the model, the data and, through sub-managers, everything else} */
    NDManager manager() {
        return manager;
    }

    /** {@return the mutable state a checkpoint must capture besides the model and optimiser} */
    TrainingState state() {
        return state;
    }

    /**
     * Trains from {@code state.nextEpoch()} until the last epoch or until early stopping ends the run (see
     * {@link #earlyStop()}), or until {@code stop} asks to stop after a step (preemption). {@return true when the
     * run is over, false when {@code stop} stopped it}
     *
     * @throws TrainingDiverged at the step whose loss is not finite (or above the run's bound), or at the end of
     *     an epoch whose test loss is not finite; that epoch is not handed to the listener
     */
    public boolean train(EpochListener listener, BooleanSupplier stop) {
        long wallStart = System.nanoTime() - (long) (state.wallSecondsBefore() * 1e9);
        while (state.nextEpoch() < spec.limits().epochs() && state.earlyStop().isEmpty()) {
            int epoch = state.nextEpoch();
            double lr = schedule.rateAt(epoch);
            long epochStart = System.nanoTime();
            if (!state.midEpoch()) {
                int[] order = state.shuffle(trainData.size());
                trainData.useOrder(order);
                long t = System.nanoTime();
                strategy.startEpoch(epoch, order, trainData);
                state.addSamplingSeconds((System.nanoTime() - t) / 1e9);
            }
            state.setMidEpoch(true);
            Batch batch;
            while (true) {
                long t0 = System.nanoTime();
                batch = strategy.nextStep(trainData);
                long t1 = System.nanoTime();
                state.addSamplingSeconds((t1 - t0) / 1e9);
                if (batch == null) {
                    break;
                }
                StepLosses losses = step(batch, lr, strategy.wantsStepLosses());
                long t2 = System.nanoTime();
                state.countStep(batch.size());
                state.addStepLoss(losses.mean(), (t2 - t1) / 1e9);
                guard.afterStep(epoch, state.stepsThisEpoch(), losses.mean());
                if (losses.perSample() != null) {
                    strategy.afterStep(batch, losses.perSample());
                    state.addSamplingSeconds((System.nanoTime() - t2) / 1e9);
                }
                trainData.release(batch);
                if (stop.getAsBoolean()) {
                    state.setWallSecondsBefore((System.nanoTime() - wallStart) / 1e9);
                    state.addEpochSecondsBefore((System.nanoTime() - epochStart) / 1e9);
                    return false;
                }
            }
            long endStart = System.nanoTime();
            SamplerFigures figures = state.withStepSizes(strategy.endEpoch());
            state.addSamplingSeconds((System.nanoTime() - endStart) / 1e9);
            double epochSeconds = (System.nanoTime() - epochStart) / 1e9 + state.takeEpochSecondsBefore();
            long evalStart = System.nanoTime();
            SplitMetrics test = evaluate(testImages, testLabels);
            guard.afterEpoch(epoch, test.losses().mean());
            state.observeBest(epoch, test);
            // decided before the listener checkpoints, so that a resumed run carries this epoch's count
            boolean last =
                    state.stopsEarlyAfter(epoch, test) || epoch == spec.limits().epochs() - 1;
            boolean evalTrain = spec.evalTrainEvery() > 0 && ((epoch + 1) % spec.evalTrainEvery() == 0 || last);
            SplitMetrics train = evalTrain ? evaluate(trainEvalImages, trainLabels) : null;
            figures = state.withWork(figures, (System.nanoTime() - evalStart) / 1e9);
            double wall = (System.nanoTime() - wallStart) / 1e9;
            state.finishEpoch();
            state.setWallSecondsBefore(wall);
            listener.onEpoch(new EpochResult(
                    epoch, lr, figures, epochSeconds, wall, train, test, ProcessMemory.residentBytes()));
            if (state.earlyStop().isPresent()) {
                return true;
            }
            if (stop.getAsBoolean() && state.nextEpoch() < spec.limits().epochs()) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return where and why early stopping ended the run before its last epoch, or empty when it did not (or the
     * run has none)} Patience that runs out in the last epoch ends nothing early, but it is kept: were the run's
     * epochs raised (expand extends runs), it would end right there, as a run as long from the start would
     * have.
     */
    public Optional<EarlyStop> earlyStop() {
        return state.earlyStop().filter(s -> s.epoch() < spec.limits().epochs() - 1);
    }

    /**
     * Keeps the model of the epoch just finished as the run's best ({@code keep_best}): when it is the best epoch
     * so far, writes {@code best.params}, {@code best.safetensors} and {@code best.json} to {@code dir} (see
     * {@link ModelFiles#writeBest}). Call it from the listener of that epoch, while the model holds its weights,
     * and before a checkpoint that records it as the best, so that a run stopped in between writes them again.
     * {@return whether it wrote them; false when the run keeps no best model or the epoch is not the best}
     *
     * @throws IllegalStateException if {@code epoch} is not the epoch just finished
     */
    public boolean keepIfBest(int epoch, Path dir) {
        if (state.midEpoch() || state.nextEpoch() != epoch + 1) {
            throw new IllegalStateException("epoch " + epoch + " is not the epoch just finished (training is at epoch "
                    + state.nextEpoch() + (state.midEpoch() ? ", mid-epoch" : "") + ")");
        }
        Optional<BestEpoch> best = state.bestEpoch().filter(b -> b.epoch() == epoch);
        best.ifPresent(b -> ModelFiles.writeBest(
                block, spec.model(), dir, new ModelFiles.Best(epoch, Choices.name(b.metric()), b.value())));
        return best.isPresent();
    }

    /** {@return the best epoch so far (numbered from 0) under {@code keep_best}, or empty without it or before one} */
    Optional<Integer> bestEpoch() {
        return state.bestEpoch().map(BestEpoch::epoch).filter(e -> e >= 0);
    }

    /**
     * {@return the optimiser steps taken in the epoch that training is in, 0 between epochs: where a run stopped
     * by a signal stands, or where a resumed one continues}
     */
    public int stepsIntoEpoch() {
        return state.stepsThisEpoch();
    }

    /**
     * A step's training losses on the host.
     *
     * @param mean the loss the step minimised (the weighted mean under importance weights)
     * @param perSample the per-sample (unweighted) losses, or null when the strategy does not want them
     */
    private record StepLosses(float mean, float[] perSample) {}

    /**
     * One optimiser step on {@code batch}. {@return the loss it minimised and, when {@code readLosses}
     * (loss-based sampling scores need them), the per-sample training losses} Reading the loss is a device
     * sync per step; the divergence check needs it (on a CPU, where the engine computes synchronously, it
     * costs nothing).
     */
    private StepLosses step(Batch batch, double lr, boolean readLosses) {
        try (NDManager sub = manager.newSubManager()) {
            batch.x().tempAttach(sub);
            batch.y().tempAttach(sub);
            if (batch.weights() != null) {
                batch.weights().tempAttach(sub);
            }
            NDArray losses;
            NDArray loss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = block.forward(parameterStore, new NDList(batch.x()), true)
                        .singletonOrThrow();
                losses = Losses.perSample(logits, batch.y());
                loss = batch.weights() == null
                        ? losses.mean()
                        : losses.mul(batch.weights()).mean();
                collector.backward(loss);
            }
            optimizer.step(parameters, lr);
            // read after the update is queued, so the device is not idle while the host waits
            float[] perSample = readLosses
                    ? losses.stopGradient().toType(DataType.FLOAT32, false).toFloatArray()
                    : null;
            return new StepLosses(
                    loss.stopGradient().toType(DataType.FLOAT32, false).getFloat(), perSample);
        }
    }

    private NDArray forward(NDArray x, boolean training) {
        return block.forward(parameterStore, new NDList(x), training).singletonOrThrow();
    }

    private SplitMetrics evaluate(NDArray images, NDArray labels) {
        int batch = manager.getDevice().isGpu() ? EVAL_BATCH_GPU : EVAL_BATCH_CPU;
        return new Evaluator(x -> forward(x, false), batch).evaluate(images, labels);
    }

    /**
     * Saves everything a resumed run needs (see {@link Checkpoint}) to {@code dir}, atomically.
     *
     * @param paramsHash the run's parameter hash; a resume with other parameters is refused
     */
    public void saveCheckpoint(Path dir, String paramsHash) {
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(model)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the model", e);
        }
        new Checkpoint(paramsHash, model.toByteArray(), optimizer.saveState(), state, strategy.saveState(trainData))
                .write(dir);
    }

    /**
     * Restores the checkpoint in {@code dir}, if there is one. {@return the epoch training resumes in, or -1
     * when there was no checkpoint}
     */
    public int resumeFrom(Path dir, String paramsHash) {
        return resumeFrom(dir, List.of(paramsHash));
    }

    /**
     * Restores the checkpoint in {@code dir} if it was saved under one of {@code accepted} keys. {@return the
     * epoch training resumes in, or -1 when there was no checkpoint}
     */
    public int resumeFrom(Path dir, List<String> accepted) {
        Checkpoint c = Checkpoint.read(dir, accepted);
        if (c == null) {
            return -1;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(c.model()))) {
            block.loadParameters(manager, in);
        } catch (IOException | MalformedModelException e) {
            throw new UncheckedIOException(
                    "cannot restore the model from the checkpoint in " + dir, new IOException(e));
        }
        for (Parameter p : parameters) {
            if (p.requiresGradient()) {
                p.getArray().setRequiresGradient(true);
            }
        }
        optimizer.restoreState(c.optimizer());
        state = c.loop();
        strategy.restoreState(c.strategy(), trainData);
        return state.nextEpoch();
    }

    /** {@return a checksum of every parameter (sum of absolute values and of squares), for twin checks} */
    public double parameterChecksum() {
        double sum = 0;
        for (Parameter p : parameters) {
            for (float v : p.getArray().toFloatArray()) {
                sum += Math.abs(v);
            }
        }
        return sum;
    }

    @Override
    public void close() {
        optimizer.close();
        manager.close();
    }
}
