package dev.arraysweep.worker.train;

import java.util.List;

/**
 * The typed parameters the training engine reads, taken from a run's canonical parameters.
 *
 * @param accumulationBatchSize raw batch size of the batchwise filter (already defaulted to batchSize)
 * @param evalTrainEvery evaluate the train split every this many epochs (and always on the last)
 */
public record RunSpec(String dataset, String model, int epochs, int batchSize, String optimizer,
                      double learningRate, double momentum, boolean nesterov, boolean amsgrad, double weightDecay,
                      String lrScheduler, double gamma, List<Integer> milestones, boolean augmentation,
                      boolean epochFiltering, boolean batchFiltering, int accumulationBatchSize, String filterKind,
                      double margin, String filterMode, String overflow, String rawBatch, long seed,
                      int evalTrainEvery, Integer trainLimit, Integer testLimit, String device) {
    public RunSpec {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }
}
