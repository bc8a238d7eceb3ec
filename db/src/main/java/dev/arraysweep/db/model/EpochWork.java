package dev.arraysweep.db.model;

/**
 * Where an epoch's time went and the loss its steps minimised (seed 002, appendix C, l.199-204, figure 6: training
 * = forward, backward and update passes, evaluation = forwards on evaluation data, sampling = score updates and
 * draws; figure 1, l.138: the training loss). Our sampling time also holds the inner strategy's batch gathers,
 * which run inside the strategy's calls.
 *
 * <p>{@code trainSeconds + samplingSeconds} is at most the epoch's {@code epoch_seconds} (which, as before,
 * excludes evaluation; the rest is the loop's bookkeeping: data order, releasing batches); {@code evalSeconds}
 * comes after it.
 *
 * @param trainSeconds time in optimiser steps (forward, backward, update, reading the step's losses)
 * @param evalSeconds time evaluating the epoch's splits (test, and train when it is evaluated)
 * @param samplingSeconds time in the sampling strategy: for importance sampling the score updates and the
 *     draws, for any other strategy its own selection work (a filter's no-gradient forwards included), for
 *     plain shuffling the little it does
 * @param sampledLoss the mean over the epoch's steps of the loss each step minimised (the weighted mean under
 *     importance weights); null when the epoch took no step
 */
public record EpochWork(double trainSeconds, double evalSeconds, double samplingSeconds, Double sampledLoss) {}
