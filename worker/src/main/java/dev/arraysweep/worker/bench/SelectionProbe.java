package dev.arraysweep.worker.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.arraysweep.worker.data.Dataset;
import dev.arraysweep.worker.optim.Autograd;
import dev.arraysweep.worker.sampling.Batch;
import dev.arraysweep.worker.sampling.Judgement;
import dev.arraysweep.worker.sampling.SampleSource;
import dev.arraysweep.worker.train.Trainer;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The selection forward against a plain forward of the same raw batch through the same model: the batch
 * filter's judging as the worker does it ({@code judge}: a no-gradient eval forward and the host read of
 * what the hard filter needs), the same with every part of a judgement computed (what judging cost before
 * rules declared their needs), and a bare no-gradient eval forward that reads nothing back.
 */
final class SelectionProbe implements AutoCloseable {
    static final String PLAIN = "plain_no_grad_forward";
    static final String HARD = "judge_hard_filter";
    static final String EVERY_PART = "judge_every_part";

    private final ModelPlan plan;
    private final Trainer trainer;
    private final SampleSource source;
    private final Batch raw;

    SelectionProbe(ModelPlan plan, Dataset data, Device device) {
        this.plan = plan;
        this.trainer = new Trainer(Synthetic.spec(plan, 1, Map.of()), data, device);
        this.source = trainer.trainData();
        int[] indices = new int[plan.batch()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        this.raw = source.fetch(indices);
    }

    /** {@return the three ways of forwarding the raw batch, by name, warmed up} */
    Map<String, Contender> contenders() {
        ParameterStore store = new ParameterStore(raw.x().getManager(), false);
        Set<Judgement.Part> hard = EnumSet.of(Judgement.Part.CORRECT);
        Map<String, Contender> c = new LinkedHashMap<>();
        c.put(PLAIN, contender(() -> {
            try (NDManager scope = raw.x().getManager().newSubManager();
                    Autograd.Scope noGrad = Autograd.disabled()) {
                raw.x().tempAttach(scope);
                NDArray logits = trainer.block()
                        .forward(store, new NDList(raw.x()), false)
                        .singletonOrThrow();
                logits.getShape(); // a plain loop reads nothing back: the result stays queued on the device
            }
        }));
        c.put(HARD, contender(() -> source.judge(raw, hard)));
        c.put(EVERY_PART, contender(() -> source.judge(raw, Judgement.Part.all())));
        return c;
    }

    private Contender contender(Runnable forward) {
        for (int i = 0; i < plan.warmup(); i++) {
            forward.run();
        }
        return new Contender() {
            @Override
            public Stretch run(int steps) {
                return Stretch.time(trainer.block(), (long) steps * plan.batch(), () -> {
                    for (int i = 0; i < steps; i++) {
                        forward.run();
                    }
                });
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void close() {
        source.release(raw);
        trainer.close();
    }
}
