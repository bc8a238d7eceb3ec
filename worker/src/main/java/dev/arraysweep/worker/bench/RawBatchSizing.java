package dev.arraysweep.worker.bench;

import ai.djl.Device;
import dev.arraysweep.worker.data.Dataset;
import dev.arraysweep.worker.train.EpochResult;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How many samples the batch filter forwards and then throws away, with {@code raw_batch: fixed} against
 * {@code adaptive} (overflow discarded, as in the thesis). Acceptance is random with a fixed probability, so
 * raw batches accept more or fewer than a step needs, as they do in real runs. The figures are counts, not
 * times, and do not depend on the model: a small one (fcnet100, batch 128) runs them in seconds.
 */
final class RawBatchSizing {
    private static final ModelPlan PLAN = new ModelPlan("fcnet100", 1, 128, 0, 1, 1, 1, 1);
    private static final int EPOCHS = 2;
    private static final int RAW_BATCHES_PER_EPOCH = 100;

    private RawBatchSizing() {}

    static Map<String, Object> measure(Device device, PrintStream progress) {
        Dataset data = Synthetic.dataset(PLAN, RAW_BATCHES_PER_EPOCH * PLAN.batch(), 16, 3);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", PLAN.model());
        out.put("batch", PLAN.batch());
        out.put("epochs", EPOCHS);
        out.put("raw_samples_per_epoch", RAW_BATCHES_PER_EPOCH * PLAN.batch());
        out.put("overflow", "discard");
        for (double f : WorkerBench.SIZING_FRACTIONS) {
            Map<String, Object> at = new LinkedHashMap<>();
            for (String sizing : List.of("fixed", "adaptive")) {
                List<EpochResult> epochs = TrainerLoop.epochs(
                        PLAN,
                        data,
                        device,
                        EPOCHS,
                        TrainerLoop.withoutTrainEvaluation(WorkerBench.filterParams(PLAN, sizing)),
                        FractionRule.random(f, 11));
                long forwarded = 0;
                long trained = 0;
                long overflow = 0;
                long steps = 0;
                double rawBatches = 0;
                double seconds = 0;
                for (EpochResult e : epochs) {
                    forwarded += e.sampler().rawForwarded();
                    trained += e.sampler().trained();
                    overflow += e.sampler().overflowDiscarded();
                    steps += e.sampler().steps();
                    rawBatches +=
                            e.sampler().meanRawBatchesPerStep() * e.sampler().steps();
                    seconds += e.epochSeconds();
                }
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("forwarded", forwarded);
                s.put("trained", trained);
                s.put("steps", steps);
                s.put("raw_batches_per_step", Stats.round(rawBatches / steps));
                s.put("accepted_then_discarded_per_trained", Stats.round((double) overflow / trained));
                s.put("forwarded_not_trained_per_trained", Stats.round((double) (forwarded - trained) / trained));
                s.put("ms_per_trained_image", Stats.round(1e3 * seconds / trained));
                at.put(sizing, s);
                progress.println(String.format(
                        Locale.ROOT,
                        "bench raw batch %s at acceptance %.2f: %d forwarded,"
                                + " %d trained, %d accepted then discarded, %.2f raw batches per step",
                        sizing,
                        f,
                        forwarded,
                        trained,
                        overflow,
                        rawBatches / steps));
            }
            out.put("acceptance_" + f, at);
        }
        return out;
    }
}
