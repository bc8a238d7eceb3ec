package dev.arraysweep.worker.bench;

import ai.djl.Device;
import dev.arraysweep.worker.data.Dataset;
import dev.arraysweep.worker.sampling.AcceptanceRule;
import dev.arraysweep.worker.spec.RunSpec;
import dev.arraysweep.worker.train.EpochResult;
import dev.arraysweep.worker.train.Trainer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker's own training loop as a contender: a real {@link Trainer} with its device data, gathers by
 * index, sub-managers, sampling strategy and optimiser, stopped after a number of steps the way preemption
 * stops it and resumed for the next stretch. The train split is never evaluated (eval_train_every 0) and the
 * test split is tiny, so epoch ends inside a stretch cost next to nothing.
 */
final class TrainerLoop implements Contender {
    private final Trainer trainer;
    private final CountingStrategy counter;

    /** @param rule the rule the run's filters accept by; null for a run without filters */
    TrainerLoop(ModelPlan plan, Dataset data, Device device, Map<String, Object> overrides, AcceptanceRule rule) {
        RunSpec spec = Synthetic.spec(plan, 1_000_000, withoutTrainEvaluation(overrides));
        this.counter = new CountingStrategy(
                Trainer.samplingStrategy(spec, rule == null ? AcceptanceRule.misclassified() : rule));
        this.trainer = new Trainer(spec, data, device, counter);
        steps(plan.warmup());
    }

    @Override
    public Stretch run(int steps) {
        long before = counter.samples();
        Stretch s = Stretch.time(trainer.block(), 0, () -> steps(steps));
        return new Stretch(s.wallSeconds(), s.cpuSeconds(), counter.samples() - before);
    }

    private void steps(int n) {
        if (n > 0) {
            long target = counter.steps() + n;
            trainer.train(r -> {}, () -> counter.steps() >= target);
        }
    }

    @Override
    public void close() {
        trainer.close();
    }

    /** {@return the results of an {@code epochs}-epoch run with {@code overrides}, its filters accepting by {@code rule}} */
    static List<EpochResult> epochs(
            ModelPlan plan,
            Dataset data,
            Device device,
            int epochs,
            Map<String, Object> overrides,
            AcceptanceRule rule) {
        RunSpec spec = Synthetic.spec(plan, epochs, overrides);
        try (Trainer trainer = new Trainer(
                spec,
                data,
                device,
                Trainer.samplingStrategy(spec, rule == null ? AcceptanceRule.misclassified() : rule))) {
            List<EpochResult> out = new ArrayList<>();
            trainer.train(out::add, () -> false);
            return out;
        }
    }

    static Map<String, Object> withoutTrainEvaluation(Map<String, Object> overrides) {
        Map<String, Object> m = new HashMap<>(overrides);
        m.putIfAbsent("eval_train_every", 0);
        return m;
    }
}
