package dev.arraysweep.db.params;

import static dev.arraysweep.db.params.Condition.ALWAYS;
import static dev.arraysweep.db.params.Condition.given;
import static dev.arraysweep.db.params.Condition.in;
import static dev.arraysweep.db.params.Condition.is;
import static dev.arraysweep.db.params.Condition.isNot;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every run parameter, in dependency order (a condition or computed default only reads earlier ones); the ones
 * that choose which samples a run trains on are marked {@link ParamDef#choosesSamples()}.
 * Defaults follow thesis table 4.1 where it has them, then DESIGN.md, then seed 002 appendix A.
 */
final class ParamRegistry {
    /**
     * The test metrics a run can watch, by early stopping and by {@code keep_best}: test-loss (the test split's
     * mean loss, lower is better) and test-accuracy (higher is better); the worker's enum spells them.
     */
    private static final Constraint TEST_METRIC = Constraint.oneOf("test-loss", "test-accuracy");

    private static final Condition FILTERING = is("epoch_filtering", true).or(is("batch_filtering", true));

    /**
     * The batch filter accumulates accepted samples into full steps: {@code batch_mode} is absent (a run stored
     * before the key, or its implicit {@code accumulate}) or says so.
     */
    private static final Condition ACCUMULATING =
            new Condition("batch_mode != vary", Set.of("batch_mode"), m -> !"vary".equals(m.get("batch_mode")));

    static final List<ParamDef> ALL = List.of(
            choice(
                    "dataset",
                    "cifar10",
                    "Dataset to train on; its standard files are read from data_dir.",
                    Constraint.oneOf("mnist", "fashion-mnist", "cifar10", "cifar100")),
            choice(
                    "model",
                    "resnet18",
                    "Model architecture (thesis table 4.1: resnet18); fcnet<N> is one hidden ReLU layer of N units.",
                    Constraint.oneOfOrPattern(
                            "fcnet<N> (N hidden units, N >= 1)",
                            ModelNames.FCNET,
                            "resnet18",
                            "lenet",
                            "dla",
                            "simpledla",
                            "fcnet100",
                            "fcnet1000",
                            "fcnet3000")),
            integer(
                    "epochs",
                    300,
                    1,
                    "Number of epochs (passes over the raw training data); the thesis runs at least 300."),
            nullableInteger(
                            "early_stopping_patience",
                            1,
                            Default.of(null),
                            "Stop after this many epochs in a row without improvement of early_stopping_metric (seed 002"
                                    + " appendix A: 15); the run ends done with the epoch and reason recorded; null (the"
                                    + " default) = train every epoch.")
                    .implicitAt(null),
            choice(
                            "early_stopping_metric",
                            "test-loss",
                            "What early stopping watches: test-loss (mean test loss, lower is better) or test-accuracy"
                                    + " (higher is better); an epoch improves on a strictly better value; default test-loss.",
                            TEST_METRIC)
                    .when(given("early_stopping_patience")),
            new ParamDef(
                            "keep_best",
                            ParamType.CHOICE,
                            true,
                            Default.of(null),
                            TEST_METRIC,
                            "Also keep the model of the best epoch by this test metric (as early_stopping_metric:"
                                    + " test-loss lower, test-accuracy higher is better; a tie keeps the earlier epoch)"
                                    + " as best.params, best.safetensors and best.json next to the final model,"
                                    + " rewritten as each better epoch ends; null (the default) = the final model only.",
                            ALWAYS)
                    .implicitAt(null),
            integer("batch_size", 1024, 1, "Mini-batch size of each training step (thesis table 4.1: 1024)."),
            choice(
                    "optimizer",
                    "sgd",
                    "Optimizer with PyTorch semantics (thesis table 4.1: sgd).",
                    Constraint.oneOf("sgd", "adam")),
            real("learning_rate", 0.1, Constraint.greaterThan(0), "Initial learning rate (thesis table 4.1: 0.1)."),
            real(
                            "momentum",
                            0.9,
                            Constraint.interval(0, true, 1, false),
                            "SGD momentum, dampening 0 (thesis table 4.1: 0.9).")
                    .when(is("optimizer", "sgd")),
            bool("nesterov", false, "Nesterov accelerated gradient; needs momentum > 0 (thesis table 4.1: false).")
                    .when(is("optimizer", "sgd")),
            bool("amsgrad", false, "Adam's AMSGrad variant (thesis table 4.1: false).")
                    .when(is("optimizer", "adam")),
            real(
                    "weight_decay",
                    0.0005,
                    Constraint.notBelow(0),
                    "L2 weight decay added to the gradient; 0 = none (thesis table 4.1: 0.0005)."),
            choice(
                    "lr_scheduler",
                    "none",
                    "Per-epoch learning-rate schedule: none, ExponentialLR or MultiStepLR (thesis table 4.1: none).",
                    Constraint.oneOf("none", "exponential", "multistep")),
            real(
                            "gamma",
                            0.1,
                            Constraint.interval(0, false, 1, true),
                            "Learning-rate decay factor; default 0.1 for multistep, 0.995 for exponential (thesis table 4.1).")
                    .defaultingTo(Default.computed(
                            "0.1 for multistep, 0.995 for exponential",
                            r -> "exponential".equals(r.get("lr_scheduler")) ? 0.995 : 0.1))
                    .when(isNot("lr_scheduler", "none")),
            new ParamDef(
                            "milestones",
                            ParamType.INT_LIST,
                            false,
                            Default.of(List.of(150)),
                            Constraint.strictlyIncreasing(1),
                            "Epochs at which MultiStepLR multiplies the learning rate by gamma; default [150].",
                            ALWAYS)
                    .when(is("lr_scheduler", "multistep")),
            choice(
                            "augmentation",
                            "thesis",
                            "Training augmentation per sample: thesis = random flip, affine, crop and colour jitter (thesis"
                                    + " 4.2.3, table 4.1), crop-flip = random crop 32 with padding 4 and horizontal flip"
                                    + " (seed 002 3.3), none; true and false mean thesis and none; default thesis.",
                            Constraint.oneOf("none", "crop-flip", "thesis"))
                    // a boolean until crop-flip came: runs stored before keep true and false, and their hashes
                    .storedAs(Map.of("thesis", true, "none", false))
                    .when(in("dataset", "cifar10", "cifar100")),
            bool(
                            "epoch_filtering",
                            false,
                            "Epochwise accuracy filter: train only on samples misclassified at epoch start (thesis table 4.1: false).")
                    .choosesSamples(),
            bool(
                            "batch_filtering",
                            true,
                            "Batchwise accuracy filter with batch accumulation (thesis Alg. 10, table 4.1: true).")
                    .choosesSamples(),
            choice(
                            "filter_kind",
                            "hard",
                            "hard keeps misclassified samples; soft also keeps correct ones within margin (Alg. 6); default hard.",
                            Constraint.oneOf("hard", "soft"))
                    .when(FILTERING)
                    .choosesSamples(),
            real(
                            "margin",
                            0.1,
                            Constraint.interval(0, false, 1, false),
                            "Soft filter: also keep correct samples whose top-2 softmax beliefs differ by at most this; default 0.1.")
                    .when(is("filter_kind", "soft"))
                    .choosesSamples(),
            choice(
                            "filter_mode",
                            "eval",
                            "Model mode (batch norm) during the no-grad filtering forward pass; default eval.",
                            Constraint.oneOf("eval", "train"))
                    .when(FILTERING)
                    .choosesSamples(),
            choice(
                            "empty_fallback",
                            "none",
                            "When a filter accepts nothing: none skips, random trains on random samples; top-up also fills"
                                    + " every step short of its size with random samples (thesis l.1452-1457); default none.",
                            Constraint.oneOf("none", "random", "top-up"))
                    .when(FILTERING)
                    .choosesSamples(),
            nullableInteger(
                            "accumulation_batch_size",
                            1,
                            Default.computed("batch_size", r -> r.get("batch_size")),
                            "Raw batch size forwarded for batch filtering; null (the default) = batch_size.")
                    .when(is("batch_filtering", true))
                    .choosesSamples(),
            choice(
                            "batch_mode",
                            "accumulate",
                            "Batch filter steps: accumulate trains exactly batch_size accepted samples per step (Alg. 10); vary trains each raw batch's accepted samples as one step, none when it accepts nothing (Alg. 9); default accumulate.",
                            Constraint.oneOf("accumulate", "vary"))
                    .when(is("batch_filtering", true))
                    .implicitAt("accumulate")
                    .choosesSamples(),
            choice(
                            "overflow",
                            "discard",
                            "Accepted samples beyond batch_size: discard (thesis) or carry to the next step; default discard.",
                            Constraint.oneOf("discard", "carry"))
                    .when(is("batch_filtering", true).and(ACCUMULATING))
                    .choosesSamples(),
            choice(
                            "raw_batch",
                            "fixed",
                            "Raw batch size: fixed, or adaptive from the recent acceptance ratio (thesis 5.2.2); default fixed.",
                            Constraint.oneOf("fixed", "adaptive"))
                    .when(is("batch_filtering", true).and(ACCUMULATING))
                    .choosesSamples(),
            choice(
                            "epoch_filter_augmentation",
                            "resample",
                            "Epoch filter with augmentation: resample new augmentations, or reuse the filtered ones (thesis 5.2.1); default resample.",
                            Constraint.oneOf("resample", "reuse"))
                    .when(is("epoch_filtering", true).and(isNot("augmentation", "none")))
                    .choosesSamples(),
            choice(
                            "selector",
                            "none",
                            "Loss-based selection after (or without) a filter (Alg. 3-5, thesis 5.4); default none.",
                            Constraint.oneOf("none", "top-k", "top-q", "loss-weighted", "q-split"))
                    .choosesSamples(),
            nullableInteger(
                            "k",
                            1,
                            Default.computed("batch_size", r -> r.get("batch_size")),
                            "Samples a selector keeps from each pool; null (the default) = batch_size.")
                    .when(in("selector", "top-k", "loss-weighted", "q-split"))
                    .choosesSamples(),
            choice(
                            "soft_top_k",
                            "pooled",
                            "Soft filter with top-k: pooled ranks misclassified and marginal samples together; thesis keeps the k misclassified of highest loss and adds every marginal one (Alg. 6); default pooled.",
                            Constraint.oneOf("pooled", "thesis"))
                    .when(is("filter_kind", "soft").and(is("selector", "top-k")))
                    .implicitAt("pooled")
                    .choosesSamples(),
            real(
                            "q",
                            0.5,
                            Constraint.greaterThan(0),
                            "top-q: keep samples at or above loss quantile q in (0, 1), default 0.5; q-split: number of buckets, an integer >= 2, default 2.")
                    .defaultingTo(Default.computed(
                            "0.5 for top-q, 2 for q-split", r -> "q-split".equals(r.get("selector")) ? 2.0 : 0.5))
                    .when(in("selector", "top-q", "q-split"))
                    .choosesSamples(),
            choice(
                            "loss_weighting",
                            "power",
                            "Loss-weighted density: power draws with p ~ loss^power, rank with p ~ rank^power over the pool's"
                                    + " sorted losses (thesis l.1342-1350, 5.4); default power.",
                            Constraint.oneOf("power", "rank"))
                    .when(is("selector", "loss-weighted"))
                    // loss-weighted runs from before it existed weighted by loss^power and carry no key
                    .implicitAt("power")
                    .choosesSamples(),
            real(
                            "power",
                            2.0,
                            Constraint.greaterThan(0),
                            "Exponent applied to losses by loss-weighted and q-split selection, or to loss ranks by"
                                    + " loss_weighting: rank; default 2, 1 (linear in rank) for rank.")
                    .defaultingTo(Default.computed(
                            "2, or 1 for loss_weighting: rank",
                            r -> "rank".equals(r.get("loss_weighting")) ? 1.0 : 2.0))
                    .when(in("selector", "loss-weighted", "q-split"))
                    .choosesSamples(),
            choice(
                            "power_decay",
                            "none",
                            "Lower the selection pressure over training (thesis l.1405): power goes from its value at the first"
                                    + " epoch to final_power at the last, linearly or exponentially (geometrically); default none.",
                            Constraint.oneOf("none", "linear", "exponential"))
                    .when(in("selector", "loss-weighted", "q-split"))
                    .implicitAt("none")
                    .choosesSamples(),
            real(
                            "final_power",
                            1.0,
                            Constraint.greaterThan(0),
                            "The power of the last epoch under power_decay; default 1.")
                    .when(isNot("power_decay", "none"))
                    .choosesSamples()
                    .markedSpreadOverEpochs(),
            choice(
                            "sampler",
                            "none",
                            "Which samples an epoch draws: none (shuffle), importance (seed 002) or weighted (seed 003); default none.",
                            Constraint.oneOf("none", "importance", "weighted"))
                    .choosesSamples(),
            choice(
                            "score",
                            "last-loss",
                            "Importance score per sample: its last loss, or a running loss with beta; default last-loss.",
                            Constraint.oneOf("last-loss", "running-loss"))
                    .when(is("sampler", "importance"))
                    .choosesSamples(),
            real(
                            "beta",
                            0.2,
                            Constraint.interval(0, true, 1, true),
                            "Running-loss weight: score = beta * score + (1 - beta) * loss; default 0.2 (seed 002).")
                    .when(is("score", "running-loss"))
                    .choosesSamples(),
            integer(
                            "warmup_epochs",
                            5,
                            0,
                            "Epochs of uniform sampling before importance sampling starts; default 5 (seed 002).")
                    .when(is("sampler", "importance"))
                    .choosesSamples(),
            nullableInteger(
                            "samples_per_epoch",
                            1,
                            Default.of(null),
                            "Samples drawn per epoch by importance or weighted sampling; null (the default) = the training set size.")
                    .when(in("sampler", "importance", "weighted"))
                    .choosesSamples(),
            bool(
                            "replacement",
                            false,
                            "Importance or weighted sampling draws with replacement; default false. Weighted: true is seed 003's"
                                    + " recipe (every draw with p = w / sum(w)), false draws each sample at most once per epoch.")
                    .when(in("sampler", "importance", "weighted"))
                    // weighted runs from before it applied to them drew without replacement and carry no key
                    .implicitAt(false, is("sampler", "weighted"))
                    .choosesSamples(),
            choice(
                            "importance_weights",
                            "horvitz-thompson",
                            "Importance sampling's loss weights: horvitz-thompson (unbiased: 1/(N p) per draw with replacement,"
                                    + " m/(N q) without, 1 when every sample is drawn) or inverse-probability (1/(N p) for every"
                                    + " drawn sample, seed 002 Alg. 1 as written; biased without replacement); default horvitz-thompson.",
                            Constraint.oneOf("horvitz-thompson", "inverse-probability"))
                    .when(is("sampler", "importance"))
                    .choosesSamples()
                    .implicitAt("horvitz-thompson"),
            new ParamDef(
                            "weights_file",
                            ParamType.STRING,
                            true,
                            Default.of(null),
                            Constraint.notBlank(),
                            "Weighted sampling: file with one weight per training sample, one per line; give it or class_weights.",
                            ALWAYS)
                    .when(is("sampler", "weighted"))
                    .choosesSamples(),
            new ParamDef(
                            "class_weights",
                            ParamType.DOUBLE_LIST,
                            true,
                            Default.of(null),
                            Constraint.nonNegativeWeights(),
                            "Weighted sampling: one weight per class, in label order; give it or weights_file.",
                            ALWAYS)
                    .when(is("sampler", "weighted"))
                    .choosesSamples(),
            integer(
                    "eval_train_every",
                    1,
                    0,
                    "Evaluate the (un-augmented) training set every this many epochs; 0 = never; default 1."),
            integer(
                    "seed",
                    0,
                    0,
                    "Seed of every PRNG of the run: initial weights, data order, augmentation (thesis table 4.1: 0)."),
            new ParamDef(
                    "data_dir",
                    ParamType.STRING,
                    true,
                    Default.of(null),
                    Constraint.notBlank(),
                    "Directory with the dataset's standard files; null (the default) = $ARRAYSWEEP_DATA on the worker.",
                    ALWAYS),
            choice(
                    "device",
                    "auto",
                    "Where to train: auto (GPU if present), cpu, or gpu (an error when absent); default auto.",
                    Constraint.oneOf("auto", "cpu", "gpu")),
            nullableInteger(
                    "train_limit",
                    1,
                    Default.of(null),
                    "Use only the first N training samples (demos and tests); null (the default) = all."),
            nullableInteger(
                    "test_limit",
                    1,
                    Default.of(null),
                    "Use only the first N test samples (demos and tests); null (the default) = all."),
            nullableInteger(
                            "classes",
                            1,
                            Default.of(null),
                            "Keep only the first this many classes (labels 0 to classes-1) in both splits; the model has"
                                    + " this many outputs (thesis 5.4); null (the default) = all.")
                    .implicitAt(null),
            nullableInteger(
                            "per_class",
                            1,
                            Default.of(null),
                            "Train on a fixed random subset of this many samples of each class (thesis 5.4), drawn with"
                                    + " subset_seed; null (the default) = all.")
                    .implicitAt(null),
            nullableInteger(
                            "train_subset",
                            1,
                            Default.of(null),
                            "Train on a fixed random subset of this many samples (seed 000), drawn without replacement"
                                    + " with subset_seed; null (the default) = all.")
                    .implicitAt(null),
            nullableInteger(
                            "subset_seed",
                            0,
                            Default.computed("seed", r -> r.get("seed")),
                            "Seed of the per_class or train_subset draw; null (the default) = the run's seed.")
                    .when(given("per_class").or(given("train_subset"))),
            new ParamDef(
                            "divergence_loss_bound",
                            ParamType.DOUBLE,
                            true,
                            Default.of(null),
                            Constraint.greaterThan(0),
                            "Stop the run as diverged when a step's training loss exceeds this; null (the default) = only"
                                    + " a non-finite loss stops it.",
                            ALWAYS)
                    .implicitAt(null));

    private ParamRegistry() {}

    private static ParamDef bool(String name, boolean value, String description) {
        return new ParamDef(
                name, ParamType.BOOL, false, Default.of(value), Constraint.any(ParamType.BOOL), description, ALWAYS);
    }

    private static ParamDef integer(String name, int value, int min, String description) {
        return new ParamDef(
                name, ParamType.INT, false, Default.of(value), Constraint.atLeast(min), description, ALWAYS);
    }

    private static ParamDef nullableInteger(String name, int min, Default value, String description) {
        return new ParamDef(name, ParamType.INT, true, value, Constraint.atLeast(min), description, ALWAYS);
    }

    private static ParamDef real(String name, double value, Constraint constraint, String description) {
        return new ParamDef(name, ParamType.DOUBLE, false, Default.of(value), constraint, description, ALWAYS);
    }

    private static ParamDef choice(String name, String value, String description, Constraint constraint) {
        return new ParamDef(name, ParamType.CHOICE, false, Default.of(value), constraint, description, ALWAYS);
    }
}
