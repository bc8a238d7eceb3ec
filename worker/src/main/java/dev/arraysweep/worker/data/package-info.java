/**
 * Reading the standard image-classification files into memory as flat float arrays.
 *
 * <p>Images are stored NCHW (sample, channel, row, column) in one {@code float[]} per split, pixel
 * values scaled to [0, 1]. MNIST-like 28x28 images are zero-padded to 1x32x32 so that every model
 * sees 32x32 inputs. Every problem with a data file (missing, truncated, wrong magic number,
 * mismatched counts, labels out of range) is an {@link dev.arraysweep.db.ExitException#badInput}
 * whose message names the file, what was expected, what was found and how to fix it.
 *
 * <p>Normalisation is a separate step ({@link dev.arraysweep.worker.data.Dataset#normalized()}):
 * its per-channel statistics come from the training split of the dataset it is called on, so a
 * subset is taken first ({@link dev.arraysweep.worker.data.Dataset#limit}) and normalised second.
 */
package dev.arraysweep.worker.data;
