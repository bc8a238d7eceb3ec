package dev.arraysweep.worker.bench;

import java.util.Locale;

/**
 * What to measure for one model: the batch size, how many steps warm up and how many are timed, how many
 * interleaved rounds to repeat, and the split sizes of the per-epoch evaluation measurement.
 *
 * @param channels input channels: 1 for the MNIST-like models, 3 for the CIFAR ones
 * @param rounds repetitions of every timed figure, interleaved so that a change of machine load hits the
 *     figures of one round alike and their ratios stay comparable
 * @param evalTrain training samples of the two-epoch run that measures evaluation against training time
 * @param evalTest test samples of that run
 */
public record ModelPlan(
        String model, int channels, int batch, int warmup, int steps, int rounds, int evalTrain, int evalTest) {
    public ModelPlan {
        if (batch < 1 || warmup < 0 || steps < 1 || rounds < 1 || evalTrain < 1 || evalTest < 1) {
            throw new IllegalArgumentException("bad benchmark plan for " + model + ": batch " + batch + ", warmup "
                    + warmup + ", steps " + steps + ", rounds " + rounds + ", eval " + evalTrain + "/" + evalTest);
        }
    }

    /**
     * {@return the default plan of a model: on a CPU small enough that the default bench (fcnet1000, lenet,
     * resnet18) ends in a few minutes on 2 cores; on a GPU the thesis' batch of 1024}
     */
    public static ModelPlan defaults(String model, boolean gpu) {
        String name = model.toLowerCase(Locale.ROOT);
        int channels = name.startsWith("fcnet") || name.equals("lenet") ? 1 : 3;
        if (gpu) {
            return new ModelPlan(name, channels, 1024, 5, 20, 3, 10240, 10240);
        }
        if (channels == 3) { // resnet18, dla, simpledla: seconds per step on 2 cores
            // 3 warm-up steps: an adaptive raw batch needs about 6 raw batches to settle from its start at
            // acceptance 1, and 2-step rounds would otherwise time that start, not the steady state
            return new ModelPlan(name, channels, 16, 3, 2, 3, 64, 64);
        }
        return new ModelPlan(name, channels, 128, 5, 30, 8, 4096, 2048); // the demo sweep's batch size
    }

    /** {@return this plan with another batch size (0 keeps it)} */
    public ModelPlan withBatch(int b) {
        return b <= 0 ? this : new ModelPlan(model, channels, b, warmup, steps, rounds, evalTrain, evalTest);
    }

    /** {@return this plan with another number of timed steps (0 keeps it)} */
    public ModelPlan withSteps(int s) {
        return s <= 0 ? this : new ModelPlan(model, channels, batch, warmup, s, rounds, evalTrain, evalTest);
    }

    /** {@return this plan with another number of rounds (0 keeps it)} */
    public ModelPlan withRounds(int r) {
        return r <= 0 ? this : new ModelPlan(model, channels, batch, warmup, steps, r, evalTrain, evalTest);
    }

    /** {@return the dataset name whose geometry the model takes: fashion-mnist (1 channel) or cifar10} */
    String datasetName() {
        return channels == 1 ? "fashion-mnist" : "cifar10";
    }

    /** {@return the training and test split sizes of the real dataset of this geometry} */
    int[] realSplitSizes() {
        return channels == 1 ? new int[] {60_000, 10_000} : new int[] {50_000, 10_000};
    }
}
