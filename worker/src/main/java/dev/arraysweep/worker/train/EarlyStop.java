package dev.arraysweep.worker.train;

/**
 * Where and why early stopping ended a run before its last epoch.
 *
 * @param epoch the last epoch trained, numbered from 0 as the metrics are
 * @param reason why, for people: the metric, its best value and epoch, and the patience
 */
public record EarlyStop(int epoch, String reason) {}
