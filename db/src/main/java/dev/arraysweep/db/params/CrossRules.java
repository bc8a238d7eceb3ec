package dev.arraysweep.db.params;

import java.util.List;
import java.util.Map;

/** The rules that involve more than one parameter, checked after every parameter is resolved. */
final class CrossRules {
    private static final Map<String, Integer> CLASSES =
            Map.of("mnist", 10, "fashion-mnist", 10, "cifar10", 10, "cifar100", 100);
    private static final Map<String, Integer> TRAIN_SIZE =
            Map.of("mnist", 60_000, "fashion-mnist", 60_000, "cifar10", 50_000, "cifar100", 50_000);

    private CrossRules() {}

    static void check(Map<String, Object> v) throws ParamException {
        if (Boolean.TRUE.equals(v.get("nesterov")) && (Double) v.get("momentum") == 0) {
            throw new ParamException(
                    "nesterov",
                    true,
                    "nesterov needs momentum, but momentum is 0",
                    "momentum > 0 with nesterov: true",
                    "Set momentum (e.g. 0.9) or nesterov: false.");
        }
        checkQ(v);
        if ("top-up".equals(v.get("empty_fallback")) && "top-q".equals(v.get("selector"))) {
            throw new ParamException(
                    "empty_fallback",
                    "top-up",
                    "empty_fallback top-up fills steps to a fixed size, but selector top-q has none",
                    "empty_fallback none or random with top-q; top-up with no selector or one with k",
                    "Use empty_fallback: random, or a selector with k (top-k, loss-weighted, q-split).");
        }
        if ("weighted".equals(v.get("sampler"))) {
            checkWeights(v);
        }
        checkSubsets(v);
        Integer drawn = (Integer) v.get("samples_per_epoch");
        if (drawn != null && !Boolean.TRUE.equals(v.get("replacement"))) {
            int available = trainingSamples(v);
            if (drawn > available) {
                throw new ParamException(
                        "samples_per_epoch",
                        drawn,
                        drawn + " samples cannot be drawn without replacement from " + available + " training samples",
                        "at most " + available,
                        "Lower samples_per_epoch"
                                + ("importance".equals(v.get("sampler")) ? " or set replacement: true." : "."));
            }
        }
    }

    /** {@return at most how many training samples a run has: its dataset's, cut by train_limit and the subsets} */
    private static int trainingSamples(Map<String, Object> v) {
        int available = TRAIN_SIZE.get((String) v.get("dataset"));
        Integer limit = (Integer) v.get("train_limit");
        if (limit != null) {
            available = Math.min(available, limit);
        }
        Integer subset = (Integer) v.get("train_subset");
        if (subset != null) {
            available = Math.min(available, subset);
        }
        Integer perClass = (Integer) v.get("per_class");
        if (perClass != null) {
            Integer classes = (Integer) v.get("classes");
            long balanced = (long) perClass * (classes != null ? classes : CLASSES.get((String) v.get("dataset")));
            available = (int) Math.min(available, balanced);
        }
        return available;
    }

    private static void checkSubsets(Map<String, Object> v) throws ParamException {
        String dataset = (String) v.get("dataset");
        Integer classes = (Integer) v.get("classes");
        if (classes != null && classes > CLASSES.get(dataset)) {
            throw new ParamException(
                    "classes",
                    classes,
                    dataset + " has " + CLASSES.get(dataset) + " classes, not " + classes,
                    "at most " + CLASSES.get(dataset),
                    "Lower classes, or remove it to keep every class.");
        }
        Integer subset = (Integer) v.get("train_subset");
        if (subset != null && v.get("per_class") != null) {
            throw new ParamException(
                    "train_subset",
                    subset,
                    "both train_subset and per_class are set",
                    "one of train_subset (a random subset of any classes) and per_class (the same number per class)",
                    "Remove one of them.");
        }
        if (subset != null && subset > TRAIN_SIZE.get(dataset)) {
            throw new ParamException(
                    "train_subset",
                    subset,
                    dataset + " has " + TRAIN_SIZE.get(dataset) + " training samples, not " + subset,
                    "at most " + TRAIN_SIZE.get(dataset),
                    "Lower train_subset, or remove it to train on every sample.");
        }
    }

    private static void checkQ(Map<String, Object> v) throws ParamException {
        Object selector = v.get("selector");
        if ("top-q".equals(selector)) {
            double q = (Double) v.get("q");
            if (q >= 1) {
                throw new ParamException(
                        "q",
                        q,
                        "q " + CanonicalJson.number(q) + " is not a quantile",
                        "a number in (0, 1) for top-q",
                        "top-q keeps the samples at or above loss quantile q; use e.g. 0.5.");
            }
        } else if ("q-split".equals(selector)) {
            double q = (Double) v.get("q");
            if (q < 2 || q != Math.rint(q)) {
                throw new ParamException(
                        "q",
                        q,
                        "q " + CanonicalJson.number(q) + " is not a number of buckets",
                        "an integer >= 2 for q-split",
                        "q-split divides the losses into q buckets; use e.g. 2.");
            }
            int k = (Integer) v.get("k");
            if (k < q) {
                throw new ParamException(
                        "k",
                        k,
                        "k " + k + " is fewer than the " + (int) q + " buckets of q-split",
                        "k >= q for q-split",
                        "Raise k or lower q.");
            }
        }
    }

    private static void checkWeights(Map<String, Object> v) throws ParamException {
        Object file = v.get("weights_file");
        List<?> weights = (List<?>) v.get("class_weights");
        if (file == null && weights == null) {
            throw new ParamException(
                    "sampler",
                    "weighted",
                    "sampler weighted has no weights",
                    "weights_file or class_weights",
                    "Add weights_file: <path> (one weight per training sample) or class_weights: [...] (one per class).");
        }
        if (file != null && weights != null) {
            throw new ParamException(
                    "class_weights",
                    weights,
                    "both weights_file and class_weights are set",
                    "exactly one of weights_file and class_weights",
                    "Remove one of them.");
        }
        if (weights != null) {
            int classes = CLASSES.get((String) v.get("dataset"));
            if (weights.size() != classes) {
                throw new ParamException(
                        "class_weights",
                        weights,
                        weights.size() + " weights for " + classes + " classes of " + v.get("dataset"),
                        classes + " weights, one per class in label order",
                        "");
            }
        }
    }
}
