package dev.arraysweep.db.journal;

import dev.arraysweep.db.model.EpochMetrics;
import java.util.List;
import java.util.Objects;

/**
 * One line of a worker's journal: a claim, an epoch's metrics, or the end of an attempt.
 *
 * @param type one of {@code claim}, {@code epoch}, {@code done}, {@code failed}, {@code preempted},
 *     {@code diverged}
 * @param sweep the sweep's name
 * @param index the run's array index
 * @param runId the run's database id
 * @param attempt the attempt that wrote the event
 * @param atMillis when it was written (epoch milliseconds)
 * @param epochsDone epochs finished when it was written
 * @param metrics the epoch's metric rows (type {@code epoch} only)
 * @param detail error text or other detail, or null
 * @param node the node the attempt runs on (type {@code claim}), or null
 * @param jobId the attempt's Slurm job id (type {@code claim}), or null
 * @param arrayJobId the attempt's Slurm array job id (type {@code claim}), or null
 */
public record JournalEvent(
        String type,
        String sweep,
        int index,
        long runId,
        int attempt,
        long atMillis,
        int epochsDone,
        List<EpochMetrics> metrics,
        String detail,
        String node,
        String jobId,
        String arrayJobId) {
    /** Event types. */
    public static final String CLAIM = "claim";

    public static final String EPOCH = "epoch";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String PREEMPTED = "preempted";
    /** Training stopped at a non-finite (or too large) loss; the detail names the epoch, step and value. */
    public static final String DIVERGED = "diverged";

    public JournalEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sweep, "sweep");
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    /** An event that names no node or Slurm job (every type but {@code claim}). */
    public JournalEvent(
            String type,
            String sweep,
            int index,
            long runId,
            int attempt,
            long atMillis,
            int epochsDone,
            List<EpochMetrics> metrics,
            String detail) {
        this(type, sweep, index, runId, attempt, atMillis, epochsDone, metrics, detail, null, null, null);
    }

    /** {@return whether this event ends an attempt: done, failed, preempted or diverged} */
    public boolean endsAttempt() {
        return type.equals(DONE) || type.equals(FAILED) || type.equals(PREEMPTED) || type.equals(DIVERGED);
    }
}
