package dev.arraysweep.orchestrator.grid;

import java.util.List;

/**
 * The result of expanding a sweep: its distinct runs in a stable order, and what became of the rest.
 *
 * @param runs the distinct runs, in expansion order (first grid axis slowest, seeds fastest)
 * @param combinations the size of the product of the axes
 * @param excluded combinations dropped by {@code exclude:}
 * @param merged combinations that normalised to a run already in {@code runs}
 * @param warnings things worth telling the user that are not errors (an exclusion that matched nothing)
 */
public record Expansion(List<ExpandedRun> runs, long combinations, int excluded, int merged, List<String> warnings) {
    public Expansion {
        runs = List.copyOf(runs);
        warnings = List.copyOf(warnings);
        if (runs.size() + excluded + merged != combinations) {
            throw new IllegalArgumentException(runs.size() + " runs + " + excluded + " excluded + " + merged
                    + " merged != " + combinations + " combinations");
        }
    }
}
