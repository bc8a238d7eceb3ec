/**
 * {@code worker bench}: times the real training code paths (the {@code Trainer} with its device data,
 * sampling strategies and optimiser) against a plain DJL loop over the same model, on synthetic data.
 *
 * <p>Everything timed is a {@code Contender} run in interleaved rounds, so that a change of load on a shared
 * machine hits every contender of a round alike; ratios are taken within a round and reported as the median
 * and spread over the rounds, by wall-clock and by process CPU time. Every timed stretch starts and ends
 * with a device sync (a read of one parameter), and nothing in it reads back to the host that the code under
 * test would not read itself. Batchwise filtering is timed at a fixed acceptance ratio, with a rule that asks
 * for what the hard accuracy filter asks for, so its cost does not depend on what the model happens to get
 * wrong.
 */
package dev.arraysweep.worker.bench;
