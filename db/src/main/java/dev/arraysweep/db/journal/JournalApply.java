package dev.arraysweep.db.journal;

import dev.arraysweep.db.repo.MetricRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * How one journal event changes the database: the one definition that both {@link JournalIngest} and a
 * worker writing live through a server use. Every change is idempotent, so an event applied twice (live, then
 * again by ingest) changes nothing the second time, and an event of an older attempt never overrides a newer
 * one.
 */
public final class JournalApply {
    private JournalApply() {}

    /**
     * Applies {@code e}, which belongs to run {@code runId}; {@return 1 when it changed the run's state, else 0}
     * Metric rows of an {@code epoch} event are upserted here one event at a time; ingest batches them instead
     * and calls {@link #epochsDone} for the rest.
     */
    public static int apply(Handle h, long runId, JournalEvent e) {
        switch (e.type()) {
            case JournalEvent.CLAIM -> {
                return claim(h, runId, e);
            }
            case JournalEvent.EPOCH -> {
                MetricRepository.upsertRecorded(h, recorded(runId, e));
                epochsDone(h, runId, e.attempt(), e.epochsDone(), e.atMillis());
                return 0;
            }
            default -> {
                return e.endsAttempt() ? endAttempt(h, runId, e) : 0;
            }
        }
    }

    /**
     * {@return the metric rows of epoch event {@code e} for run {@code runId}, recorded at the event's time} Both
     * ingest and a live write take {@code recorded_at} from here, so it is the same however the rows arrive.
     */
    static List<MetricRepository.Recorded> recorded(long runId, JournalEvent e) {
        Instant at = Instant.ofEpochMilli(e.atMillis());
        return e.metrics().stream()
                .map(m -> new MetricRepository.Recorded(m.withRunId(runId), at))
                .toList();
    }

    /**
     * Starts attempt {@code e.attempt()}: the run is running, with the claim's node and Slurm ids, unless the
     * database already knows this attempt or a later one.
     */
    static int claim(Handle h, long runId, JournalEvent e) {
        OffsetDateTime at = time(e.atMillis());
        int n = h.createUpdate("UPDATE run SET state = 'running', attempt = :a, started_at = :at, heartbeat_at = :at,"
                        + " ended_at = NULL, error_text = NULL, stop_epoch = NULL, stop_reason = NULL, node = :node,"
                        + " slurm_job_id = :job,"
                        + " slurm_array_job_id = :ajob WHERE id = :id AND attempt < :a AND state <> 'retired'")
                .bind("a", e.attempt())
                .bind("at", at)
                .bind("node", e.node() != null ? e.node() : e.detail())
                .bind("job", e.jobId())
                .bind("ajob", e.arrayJobId())
                .bind("id", runId)
                .execute();
        if (n == 1) {
            event(h, runId, e.attempt(), "claim", "node=" + e.node() + " job=" + e.jobId(), at);
        }
        return n;
    }

    /** Raises the run's epochs done (never lowers it) and, while the attempt runs, its heartbeat. */
    static void epochsDone(Handle h, long runId, int attempt, int epochsDone, long atMillis) {
        bindEpochsDone(h.createUpdate(EPOCHS_DONE), runId, attempt, epochsDone, atMillis)
                .execute();
    }

    /** The update behind {@link #epochsDone}, for ingest to send in batches. */
    static final String EPOCHS_DONE = "UPDATE run SET epochs_done = GREATEST(epochs_done, :d), heartbeat_at = CASE"
            + " WHEN attempt = :a AND state = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < :at) THEN :at"
            + " ELSE heartbeat_at END WHERE id = :id";

    static <T extends SqlStatement<T>> T bindEpochsDone(T st, long runId, int attempt, int epochsDone, long atMillis) {
        return st.bind("d", epochsDone)
                .bind("a", attempt)
                .bind("at", time(atMillis))
                .bind("id", runId);
    }

    /**
     * Ends the attempt that wrote {@code e}, unless a later attempt has taken the run since; a run that stopped
     * early keeps the epoch and reason (the {@code run_event} of its end carries the reason too).
     */
    static int endAttempt(Handle h, long runId, JournalEvent e) {
        OffsetDateTime at = time(e.atMillis());
        int n = h.createUpdate(
                        "UPDATE run SET state = :s, attempt = :a, error_text = :err, ended_at = :at,"
                                + " epochs_done = GREATEST(epochs_done, :d), stop_epoch = :se, stop_reason = :sr"
                                + " WHERE id = :id AND (attempt < :a OR (attempt = :a AND state IN ('running','lost','pending')))")
                .bind("s", e.type())
                .bind("a", e.attempt())
                .bind("err", e.detail())
                .bind("at", at)
                .bind("d", e.epochsDone())
                .bind("se", e.stopEpoch())
                .bind("sr", e.stopReason())
                .bind("id", runId)
                .execute();
        if (n == 1) {
            event(h, runId, e.attempt(), e.type(), e.detail() != null ? e.detail() : e.stopReason(), at);
        }
        return n;
    }

    private static void event(Handle h, long runId, int attempt, String kind, String detail, OffsetDateTime at) {
        h.createUpdate("INSERT INTO run_event(run_id, attempt, kind, at, detail) VALUES (:r, :a, :k, :at, :d)")
                .bind("r", runId)
                .bind("a", attempt)
                .bind("k", kind)
                .bind("at", at)
                .bind("d", detail)
                .execute();
    }

    private static OffsetDateTime time(long millis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
}
