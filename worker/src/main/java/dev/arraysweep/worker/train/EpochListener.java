package dev.arraysweep.worker.train;

/** Receives each finished epoch's results; the worker journals them and writes them to the database. */
@FunctionalInterface
public interface EpochListener {
    void onEpoch(EpochResult result);
}
