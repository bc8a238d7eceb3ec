package dev.arraysweep.orchestrator.grid;

import dev.arraysweep.db.params.ParamValues;
import java.util.Objects;

/**
 * One run of an expanded sweep: its canonical parameters and their hash.
 *
 * @param params the normalised parameters
 * @param hash {@code params.hash()}, the run's identity across re-expansions
 */
public record ExpandedRun(ParamValues params, String hash) {
    public ExpandedRun {
        Objects.requireNonNull(params, "params");
        if (!params.hash().equals(hash)) {
            throw new IllegalArgumentException("hash " + hash + " is not the hash of the parameters");
        }
    }

    /** {@return the run for these parameters} */
    public static ExpandedRun of(ParamValues params) {
        return new ExpandedRun(params, params.hash());
    }
}
