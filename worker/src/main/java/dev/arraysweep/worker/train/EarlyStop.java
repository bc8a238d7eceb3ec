package dev.arraysweep.worker.train;

import java.io.Serializable;

/**
 * Where and why early stopping ended a run before its last epoch (serialisable: it is part of the loop's state).
 *
 * @param epoch the last epoch trained, numbered from 0 as the metrics are
 * @param reason why, for people: the metric, its best value and epoch, and the patience
 */
public record EarlyStop(int epoch, String reason) implements Serializable {}
