package dev.arraysweep.db.repo;

import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import java.util.List;

/**
 * What storing an expansion would do to the stored sweep, computed before anything is written: the dry run
 * shows it, and {@link RunRepository#storeExpansion} applies it (or refuses it) in the same transaction.
 *
 * @param stored whether the sweep is already in the database
 * @param sourceChanged whether the sweep file's text differs from the stored one
 * @param fresh runs that would be appended, with the array index each would get
 * @param kept stored runs that stay at their indices (retired ones that come back are in {@code revived})
 * @param retired stored runs that are no longer in the sweep
 * @param revived retired runs whose parameters are back
 * @param extended stored runs that the sweep now trains for more epochs, all else equal: updated in place
 *     (same index, metrics and journal) and continued from their final state instead of retired and replaced
 */
public record ExpansionPlan(
        boolean stored,
        boolean sourceChanged,
        List<Placed> fresh,
        List<Run> kept,
        List<Run> retired,
        List<Run> revived,
        List<Extension> extended) {
    /** A new run and the array index it would get. */
    public record Placed(int index, NewRun run) {}

    /** A stored run ({@code from}) that becomes {@code to}: the same parameters but more epochs. */
    public record Extension(Run from, NewRun to) {}

    /** {@return whether storing would change anything} */
    public boolean changed() {
        return !stored
                || sourceChanged
                || !fresh.isEmpty()
                || !retired.isEmpty()
                || !revived.isEmpty()
                || !extended.isEmpty();
    }

    /**
     * {@return the runs this plan would retire although they have results or a worker on them}: any state but
     * {@code pending}, or an epoch recorded. Their metrics stay in the database either way, but they leave the
     * sweep's reports until their parameters come back, so {@code expand} retires them only when told to.
     */
    public List<Run> retiredWithResults() {
        return retired.stream().filter(ExpansionPlan::hasResults).toList();
    }

    /** {@return whether {@code r} has trained, is training or has failed, as opposed to never started} */
    public static boolean hasResults(Run r) {
        return r.epochsDone() > 0 || r.state() != RunState.PENDING;
    }
}
