package dev.arraysweep.orchestrator.grid;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of expanding a sweep: its distinct runs in a stable order, and what became of the rest.
 *
 * @param runs the distinct runs, in expansion order (first grid axis slowest, seeds fastest)
 * @param combinations the size of the product of the axes
 * @param excluded combinations dropped by {@code exclude:}
 * @param merged combinations that normalised to a run already in {@code runs}
 * @param warnings things worth telling the user that are not errors (an exclusion that matched nothing)
 * @param dropped written parameters that did not apply and were removed, with the number of combinations
 *     (after exclusions) in which they were, by name
 */
public record Expansion(
        List<ExpandedRun> runs,
        long combinations,
        int excluded,
        int merged,
        List<String> warnings,
        Map<String, Integer> dropped) {
    public Expansion {
        runs = List.copyOf(runs);
        warnings = List.copyOf(warnings);
        dropped = Collections.unmodifiableMap(new TreeMap<>(dropped));
        if (runs.size() + excluded + merged != combinations) {
            throw new IllegalArgumentException(runs.size() + " runs + " + excluded + " excluded + " + merged
                    + " merged != " + combinations + " combinations");
        }
    }
}
