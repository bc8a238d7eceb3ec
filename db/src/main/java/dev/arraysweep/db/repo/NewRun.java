package dev.arraysweep.db.repo;

import dev.arraysweep.db.params.TwinKey;
import java.util.Map;

/**
 * A run produced by expanding a sweep, before it is stored.
 *
 * @param hash canonical parameter hash
 * @param paramsJson canonical parameter JSON
 * @param epochsTotal epochs the run will train
 * @param columns parameter values by {@code run_param} column name (lists as JSON text)
 * @param twinKey {@link TwinKey#of the twin key} of the parameters, or null for a run without twins
 */
public record NewRun(String hash, String paramsJson, int epochsTotal, Map<String, Object> columns, String twinKey) {
    /** A run whose twin key is derived from {@code paramsJson} (null when that is not valid run parameters). */
    public NewRun(String hash, String paramsJson, int epochsTotal, Map<String, Object> columns) {
        this(hash, paramsJson, epochsTotal, columns, TwinKey.ofJson(paramsJson).orElse(null));
    }
}
