package dev.arraysweep.db.repo;

import java.util.Map;

/**
 * A run produced by expanding a sweep, before it is stored.
 *
 * @param hash canonical parameter hash
 * @param paramsJson canonical parameter JSON
 * @param epochsTotal epochs the run will train
 * @param columns parameter values by {@code run_param} column name (lists as JSON text)
 */
public record NewRun(String hash, String paramsJson, int epochsTotal, Map<String, Object> columns) {
}
