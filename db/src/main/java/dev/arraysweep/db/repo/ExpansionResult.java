package dev.arraysweep.db.repo;

/**
 * What storing an expansion changed.
 *
 * @param sweepId id of the stored sweep
 * @param created whether the sweep was new
 * @param added runs appended at new array indices
 * @param kept runs that already existed with the same parameters (their indices unchanged)
 * @param retired runs no longer in the sweep, marked {@code retired}
 * @param revived retired runs that are back in the sweep
 * @param extended runs kept at their index that now train for more epochs (continued, not restarted)
 */
public record ExpansionResult(
        long sweepId, boolean created, int added, int kept, int retired, int revived, int extended) {
    /** {@return whether anything in the database changed} */
    public boolean changed() {
        return created || added > 0 || retired > 0 || revived > 0 || extended > 0;
    }
}
