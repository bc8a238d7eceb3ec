/**
 * The training engine of one run: typed parameters ({@link dev.arraysweep.worker.train.RunSpec}), the split's
 * tensors on the device, the loop ({@link dev.arraysweep.worker.train.Trainer}) that lets a sampling strategy
 * choose each step's samples, and the checkpoint that lets a requeued run continue exactly where it stopped.
 *
 * <p>Knows nothing of where a run comes from or where its results go: from module db it uses only parameter
 * values and metric records, never the database, journals or task files; results leave through an
 * {@link dev.arraysweep.worker.train.EpochListener}. Never imports {@code task} or {@code cli}.
 */
package dev.arraysweep.worker.train;
