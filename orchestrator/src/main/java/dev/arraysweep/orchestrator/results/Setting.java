package dev.arraysweep.orchestrator.results;

import java.util.List;
import java.util.SortedMap;

/**
 * One sampling setting within a group (one row of the thesis' tables): its runs differ only by seed.
 *
 * @param label what the row is called, e.g. {@code none (archetype)}, {@code batchwise}, {@code batchwise, overflow=carry}
 * @param archetype whether these runs use no filter, selector or sampler
 * @param sampling the sampling parameters the runs share
 * @param runs the runs, one per seed, by array index
 */
public record Setting(String label, boolean archetype, SortedMap<String, Object> sampling, List<RunData> runs) {
    public Setting {
        runs = List.copyOf(runs);
    }
}
