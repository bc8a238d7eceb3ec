package dev.arraysweep.db.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param stopEpoch the last epoch trained (numbered from 0, as in the metrics) when a {@code done} run stopped
 *                  before its last epoch (early stopping), else null; absent from journals written before it
 * @param stopReason why that run stopped there, or null
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
        String arrayJobId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer stopEpoch,
        @JsonInclude(JsonInclude.Include.NON_NULL) String stopReason) {
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

    /** An event that names the node and Slurm job of a claim. */
    public JournalEvent(
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
        this(
                type,
                sweep,
                index,
                runId,
                attempt,
                atMillis,
                epochsDone,
                metrics,
                detail,
                node,
                jobId,
                arrayJobId,
                null,
                null);
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

    /**
     * {@return the {@code done} event of a run that stopped early: after epoch {@code stopEpoch} (from 0), for
     * {@code stopReason}}
     */
    public static JournalEvent stoppedEarly(
            String sweep,
            int index,
            long runId,
            int attempt,
            long atMillis,
            int epochsDone,
            int stopEpoch,
            String stopReason) {
        return new JournalEvent(
                DONE,
                sweep,
                index,
                runId,
                attempt,
                atMillis,
                epochsDone,
                List.of(),
                null,
                null,
                null,
                null,
                stopEpoch,
                stopReason);
    }

    /** {@return whether this event ends an attempt: done, failed, preempted or diverged} */
    public boolean endsAttempt() {
        return type.equals(DONE) || type.equals(FAILED) || type.equals(PREEMPTED) || type.equals(DIVERGED);
    }
}
