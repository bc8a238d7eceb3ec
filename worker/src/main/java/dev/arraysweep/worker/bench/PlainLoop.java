package dev.arraysweep.worker.bench;

import ai.djl.Device;
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
import dev.arraysweep.worker.eval.Losses;
import dev.arraysweep.worker.models.Models;
import dev.arraysweep.worker.optim.Optimizer;
import dev.arraysweep.worker.optim.Sgd;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline: the plainest DJL training loop over the same model, as one would write it by hand. One batch
 * tensor built once; per step a sub-manager, forward, per-sample cross entropy, mean, backward, the same
 * PyTorch-exact SGD; nothing read back to the host.
 */
final class PlainLoop implements Contender {
    private final ModelPlan plan;
    private final NDManager manager;
    private final Block block;
    private final List<Parameter> parameters;
    private final ParameterStore store;
    private final NDArray x;
    private final NDArray y;
    private final Optimizer sgd = new Sgd(0.9, false, 5e-4);

    PlainLoop(ModelPlan plan, Device device) {
        this.plan = plan;
        this.manager = NDManager.newBaseManager(device);
        Engine.getInstance().setRandomSeed(1);
        this.block = Models.build(plan.model(), plan.channels(), Synthetic.CLASSES);
        Models.initialize(block, manager, Models.inputShape(plan.channels()), 1);
        this.parameters = new ArrayList<>(block.getParameters().values());
        for (Parameter p : parameters) {
            if (p.requiresGradient()) {
                p.getArray().setRequiresGradient(true);
            }
        }
        this.store = new ParameterStore(manager, false);
        this.x = manager.randomUniform(0f, 1f, new Shape(plan.batch(), plan.channels(), 32, 32));
        this.y = manager.randomInteger(0, Synthetic.CLASSES, new Shape(plan.batch()), DataType.INT64);
        steps(plan.warmup());
    }

    @Override
    public Stretch run(int steps) {
        return Stretch.time(block, (long) steps * plan.batch(), () -> steps(steps));
    }

    private void steps(int n) {
        for (int i = 0; i < n; i++) {
            try (NDManager step = manager.newSubManager()) {
                x.tempAttach(step);
                y.tempAttach(step);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray logits = block.forward(store, new NDList(x), true).singletonOrThrow();
                    collector.backward(Losses.perSample(logits, y).mean());
                }
                sgd.step(parameters, WorkerBench.LEARNING_RATE);
            }
        }
    }

    @Override
    public void close() {
        sgd.close();
        manager.close();
    }
}
