package dev.arraysweep.worker.bench;

import ai.djl.Device;
import dev.arraysweep.db.Hosts;
import dev.arraysweep.worker.data.Dataset;
import dev.arraysweep.worker.models.Models;
import dev.arraysweep.worker.telemetry.DeviceMemory;
import dev.arraysweep.worker.telemetry.ProcessMemory;
import dev.arraysweep.worker.train.EpochResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code worker bench}: per model, training images per second of the worker's own loop against a plain DJL
 * loop over the same model, the selection forward against a plain forward, time per trained image of the
 * archetype and of batchwise filtering at fixed acceptance ratios, evaluation against training time per
 * epoch, and memory; once, the samples the batch filter forwards and then throws away with a fixed and an
 * adaptive raw batch. Timed figures are repeated in interleaved rounds; ratios are taken within a round.
 */
public final class WorkerBench {
    /** Acceptance ratios of the timed batchwise filter. */
    static final double[] FRACTIONS = {1.0, 0.5, 0.25};
    /** Acceptance ratios of the fixed-against-adaptive raw batch comparison. */
    static final double[] SIZING_FRACTIONS = {0.5, 0.25, 0.1};

    static final double LEARNING_RATE = 0.01;
    /** Archetype steps per epoch of the timing data: epoch ends are rare and cheap (no train evaluation). */
    static final int STEPS_PER_EPOCH = 32;

    private static final String PLAIN = "plain";
    private static final String ARCHETYPE = "archetype";
    private static final String ADAPTIVE_HALF = "filter_0.5_adaptive";
    /** Target of issue 7: the worker's loop at least this fraction of the plain loop's speed. */
    static final double OWN_OVER_PLAIN_TARGET = 0.9;
    /** Target of issue 7: batchwise filtering at acceptance 0.5 at most this many times the archetype. */
    static final double FILTER_HALF_TARGET = 1.6;

    private final Device device;
    private final PrintStream progress;
    /** The most device memory in use seen after any round (cudaMemGetInfo: PyTorch's cache included). */
    private long peakDeviceBytes;

    /** @param progress where a line per measurement goes while the bench runs (the JSON goes elsewhere) */
    public WorkerBench(Device device, PrintStream progress) {
        this.device = device;
        this.progress = progress;
    }

    /** {@return the whole report: machine, one entry per model, raw batch sizing, memory} */
    public Map<String, Object> run(List<ModelPlan> plans, boolean sizing) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("machine", Machine.describe(device));
        List<Object> models = new ArrayList<>();
        for (ModelPlan plan : plans) {
            models.add(model(plan));
        }
        report.put("models", models);
        if (sizing) {
            report.put("raw_batch_sizing", RawBatchSizing.measure(device, progress));
        }
        report.put("peak_host_memory_bytes", ProcessMemory.peakResidentBytes());
        report.put("load_average_at_end", Hosts.loadAverage());
        return report;
    }

    private Map<String, Object> model(ModelPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", plan.model());
        m.put("input", plan.channels() + "x32x32");
        m.put(
                "trainable_parameters",
                Models.size(plan.model(), plan.channels(), Synthetic.CLASSES).trainableParameters());
        m.put("batch", plan.batch());
        m.put("warmup_steps", plan.warmup());
        m.put("steps_per_round", plan.steps());
        m.put("rounds", plan.rounds());
        m.put("load_average_at_start", Hosts.loadAverage());
        Dataset data = Synthetic.dataset(plan, STEPS_PER_EPOCH * plan.batch(), 16, 1);

        Map<String, List<Stretch>> t = training(plan, data);
        List<Stretch> plain = t.get(PLAIN);
        List<Stretch> archetype = t.get(ARCHETYPE);
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("plain_djl_images_per_s", Stats.summary(map(plain, Stretch::imagesPerSecond)));
        training.put("own_loop_images_per_s", Stats.summary(map(archetype, Stretch::imagesPerSecond)));
        List<Double> ownOverPlain = ratios(plain, archetype, Stretch::wallSeconds);
        List<Double> ownOverPlainCpu = ratios(plain, archetype, Stretch::cpuSeconds);
        training.put("own_over_plain", Stats.summary(ownOverPlain));
        training.put("own_over_plain_by_cpu_time", Stats.summary(ownOverPlainCpu));
        training.put("target_own_over_plain_at_least", OWN_OVER_PLAIN_TARGET);
        training.put("target_met", Stats.median(ownOverPlain) >= OWN_OVER_PLAIN_TARGET);
        m.put("training_step", training);

        Map<String, List<Stretch>> sel = selection(plan, data);
        double judgeMs = Stats.median(map(sel.get(SelectionProbe.HARD), Stretch::msPerImage));
        double judgeCpuMs = Stats.median(map(sel.get(SelectionProbe.HARD), Stretch::cpuMsPerImage));
        double archetypeMs = Stats.median(map(archetype, Stretch::msPerImage));
        double archetypeCpuMs = Stats.median(map(archetype, Stretch::cpuMsPerImage));
        Map<String, Object> filtering = new LinkedHashMap<>();
        filtering.put("archetype_ms_per_trained_image", Stats.summary(map(archetype, Stretch::msPerImage)));
        filtering.put("archetype_cpu_ms_per_trained_image", Stats.summary(map(archetype, Stretch::cpuMsPerImage)));
        for (double f : FRACTIONS) {
            List<Stretch> filtered = t.get(filterName(f));
            Map<String, Object> at = new LinkedHashMap<>();
            at.put("ms_per_trained_image", Stats.summary(map(filtered, Stretch::msPerImage)));
            at.put("over_archetype", Stats.summary(ratios(filtered, archetype, Stretch::wallSeconds)));
            at.put("over_archetype_by_cpu_time", Stats.summary(ratios(filtered, archetype, Stretch::cpuSeconds)));
            // what the selection forwards alone add: 1/f raw samples judged per trained sample
            at.put("selection_forwards_alone_over_archetype", Stats.round(1 + judgeMs / f / archetypeMs));
            at.put(
                    "selection_forwards_alone_over_archetype_by_cpu_time",
                    Stats.round(1 + judgeCpuMs / f / archetypeCpuMs));
            filtering.put("acceptance_" + f, at);
        }
        // the same filter with `raw_batch: adaptive`: raw batches of batch / acceptance, judged in one forward
        List<Stretch> adaptive = t.get(ADAPTIVE_HALF);
        Map<String, Object> at = new LinkedHashMap<>();
        at.put("ms_per_trained_image", Stats.summary(map(adaptive, Stretch::msPerImage)));
        at.put("over_archetype", Stats.summary(ratios(adaptive, archetype, Stretch::wallSeconds)));
        at.put("over_archetype_by_cpu_time", Stats.summary(ratios(adaptive, archetype, Stretch::cpuSeconds)));
        filtering.put("acceptance_0.5_adaptive_raw_batch", at);
        List<Double> half = ratios(t.get(filterName(0.5)), archetype, Stretch::wallSeconds);
        filtering.put("target_over_archetype_at_0.5_at_most", FILTER_HALF_TARGET);
        filtering.put("target_met", Stats.median(half) <= FILTER_HALF_TARGET);
        m.put("batch_filter_fixed_acceptance", filtering);

        Map<String, Object> s = new LinkedHashMap<>();
        s.put("raw_batch", plan.batch());
        for (Map.Entry<String, List<Stretch>> e : sel.entrySet()) {
            s.put(e.getKey() + "_images_per_s", Stats.summary(map(e.getValue(), Stretch::imagesPerSecond)));
        }
        s.put(
                "judge_over_plain_forward",
                Stats.summary(
                        ratios(sel.get(SelectionProbe.PLAIN), sel.get(SelectionProbe.HARD), Stretch::wallSeconds)));
        s.put(
                "judge_over_plain_forward_by_cpu_time",
                Stats.summary(
                        ratios(sel.get(SelectionProbe.PLAIN), sel.get(SelectionProbe.HARD), Stretch::cpuSeconds)));
        m.put("selection_forward", s);

        m.put("evaluation", evaluation(plan, Stats.median(map(archetype, Stretch::imagesPerSecond))));
        m.put("host_memory_bytes_now", ProcessMemory.residentBytes());
        m.put("peak_host_memory_bytes_so_far", ProcessMemory.peakResidentBytes());
        sampleDevice();
        if (device.isGpu()) {
            m.put("device_memory_bytes_now", DeviceMemory.bytesInUse(device));
            m.put("peak_device_memory_bytes_sampled", peakDeviceBytes);
        }
        m.put("load_average_at_end", Hosts.loadAverage());
        return m;
    }

    /** The plain loop, the archetype and the batch filter at each fixed acceptance, in interleaved rounds. */
    private Map<String, List<Stretch>> training(ModelPlan plan, Dataset data) {
        Map<String, Contender> c = new LinkedHashMap<>();
        try {
            c.put(PLAIN, new PlainLoop(plan, device));
            c.put(ARCHETYPE, new TrainerLoop(plan, data, device, Map.of(), null));
            for (double f : FRACTIONS) {
                c.put(
                        filterName(f),
                        new TrainerLoop(plan, data, device, filterParams(plan, "fixed"), FractionRule.exact(f)));
            }
            c.put(
                    ADAPTIVE_HALF,
                    new TrainerLoop(plan, data, device, filterParams(plan, "adaptive"), FractionRule.exact(0.5)));
            return Interleaved.run(c, plan.rounds(), plan.steps(), (r, round) -> {
                Stretch a = round.get(ARCHETYPE);
                StringBuilder line = new StringBuilder(String.format(
                        Locale.ROOT,
                        "plain %.0f img/s, own %.0f img/s (%.3f); filtered/archetype",
                        round.get(PLAIN).imagesPerSecond(),
                        a.imagesPerSecond(),
                        round.get(PLAIN).wallSeconds() / a.wallSeconds()));
                for (double f : FRACTIONS) {
                    line.append(String.format(
                            Locale.ROOT,
                            " %.2f: %.3f",
                            f,
                            round.get(filterName(f)).wallSeconds()
                                    / round.get(filterName(f)).images()
                                    / (a.wallSeconds() / a.images())));
                }
                line.append(String.format(
                        Locale.ROOT,
                        " 0.50 adaptive: %.3f",
                        round.get(ADAPTIVE_HALF).wallSeconds()
                                / round.get(ADAPTIVE_HALF).images()
                                / (a.wallSeconds() / a.images())));
                say(plan, r, "%s", line);
            });
        } finally {
            c.values().forEach(Contender::close);
        }
    }

    private Map<String, List<Stretch>> selection(ModelPlan plan, Dataset data) {
        try (SelectionProbe probe = new SelectionProbe(plan, data, device)) {
            return Interleaved.run(
                    probe.contenders(),
                    plan.rounds(),
                    plan.steps(),
                    (r, round) -> say(
                            plan,
                            r,
                            "selection forward %.0f img/s (plain no-grad forward %.0f, judging every part %.0f)",
                            round.get(SelectionProbe.HARD).imagesPerSecond(),
                            round.get(SelectionProbe.PLAIN).imagesPerSecond(),
                            round.get(SelectionProbe.EVERY_PART).imagesPerSecond()));
        }
    }

    private static String filterName(double f) {
        return "filter_" + f;
    }

    /** {@return per round, the time per image of {@code over} divided by that of {@code base}} */
    private static List<Double> ratios(List<Stretch> over, List<Stretch> base, ToDoubleFunction<Stretch> seconds) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < over.size(); i++) {
            r.add((seconds.applyAsDouble(over.get(i)) / over.get(i).images())
                    / (seconds.applyAsDouble(base.get(i)) / base.get(i).images()));
        }
        return r;
    }

    private static List<Double> map(List<Stretch> stretches, ToDoubleFunction<Stretch> f) {
        List<Double> out = new ArrayList<>();
        stretches.forEach(s -> out.add(f.applyAsDouble(s)));
        return out;
    }

    /**
     * A few epochs that evaluate both splits every epoch; from all but the first, the median training seconds
     * (the loop's own epoch time) and evaluation seconds (the rest of the epoch's wall-clock time), then the
     * same projected onto the real dataset of the model's geometry, with the train split evaluated every
     * epoch or every 5th ({@code eval_train_every: 5}).
     */
    private Map<String, Object> evaluation(ModelPlan plan, double timedImagesPerSecond) {
        Dataset data = Synthetic.dataset(plan, plan.evalTrain(), plan.evalTest(), 2);
        int epochs = 1 + Math.min(plan.rounds(), 3);
        List<EpochResult> r = TrainerLoop.epochs(plan, data, device, epochs, Map.of("eval_train_every", 1), null);
        List<Double> train = new ArrayList<>();
        List<Double> eval = new ArrayList<>();
        for (int i = 1; i < r.size(); i++) {
            train.add(r.get(i).epochSeconds());
            eval.add(r.get(i).wallSeconds()
                    - r.get(i - 1).wallSeconds()
                    - r.get(i).epochSeconds());
        }
        double trainSeconds = Stats.median(train);
        double evalSeconds = Stats.median(eval);
        double trainRate = plan.evalTrain() / trainSeconds;
        double evalRate = (plan.evalTrain() + plan.evalTest()) / evalSeconds;
        int[] real = plan.realSplitSizes();
        double realTrain = real[0] / trainRate;
        double realEvalEvery = (real[0] + real[1]) / evalRate;
        double realEvalFifth = (real[0] / 5.0 + real[1]) / evalRate;
        say(
                plan,
                0,
                "epoch of %d samples: training %.2f s, evaluating %d train + %d test %.2f s",
                plan.evalTrain(),
                trainSeconds,
                plan.evalTrain(),
                plan.evalTest(),
                evalSeconds);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("train_samples", plan.evalTrain());
        e.put("test_samples", plan.evalTest());
        e.put("epochs_measured", train.size());
        e.put("train_seconds", Stats.summary(train));
        e.put("eval_seconds", Stats.summary(eval));
        e.put("eval_over_train", Stats.round(evalSeconds / trainSeconds));
        e.put("train_images_per_s", Stats.round(trainRate));
        e.put("eval_images_per_s", Stats.round(evalRate));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dataset", plan.datasetName() + " (" + real[0] + " train, " + real[1] + " test)");
        p.put("train_seconds_per_epoch", Stats.round(realTrain));
        p.put("train_seconds_per_epoch_at_timed_rate", Stats.round(real[0] / timedImagesPerSecond));
        p.put("eval_seconds_per_epoch_eval_train_every_1", Stats.round(realEvalEvery));
        p.put("eval_seconds_per_epoch_eval_train_every_5", Stats.round(realEvalFifth));
        p.put("epoch_seconds_eval_train_every_1", Stats.round(realTrain + realEvalEvery));
        e.put("projected", p);
        return e;
    }

    /** {@return the parameters of a batch-filtered run with raw batches of the step size} */
    static Map<String, Object> filterParams(ModelPlan plan, String rawBatch) {
        return Map.of(
                "batch_filtering",
                true,
                "accumulation_batch_size",
                plan.batch(),
                "raw_batch",
                rawBatch,
                "overflow",
                "discard");
    }

    private void sampleDevice() {
        Long bytes = DeviceMemory.bytesInUse(device);
        if (bytes != null) {
            peakDeviceBytes = Math.max(peakDeviceBytes, bytes);
        }
    }

    private void say(ModelPlan plan, int round, String format, Object... args) {
        sampleDevice(); // called after every round, while the round's contenders still hold their memory
        progress.println("bench " + plan.model() + " round " + (round + 1) + ": "
                + String.format(Locale.ROOT, format, args) + "  [load " + Hosts.loadAverage() + "]");
        progress.flush();
    }
}
