package dev.arraysweep.orchestrator.results;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Runs of one configuration (every parameter but the sampling ones and the seed): one table or figure.
 *
 * @param number the group's position in the sweep, from 1
 * @param label the parameters that vary across the sweep with this group's values, e.g. {@code batch_size=128};
 *     {@code all runs} when nothing but sampling and seed varies
 * @param varying those parameters with this group's values, in registry order
 * @param settings the sampling settings, archetype first, then by first array index
 */
public record Group(int number, String label, SortedMap<String, Object> varying, List<Setting> settings) {
    public Group {
        settings = List.copyOf(settings);
    }

    /** {@return the archetype setting, if the group has one} */
    public Optional<Setting> archetype() {
        return settings.stream().filter(Setting::archetype).findFirst();
    }

    /** {@return the number of runs in the group} */
    public int runCount() {
        return settings.stream().mapToInt(s -> s.runs().size()).sum();
    }

    /** {@return the seeds of the group's runs, ascending} */
    public List<Integer> seeds() {
        return settings.stream()
                .flatMap(s -> s.runs().stream())
                .map(RunData::seed)
                .distinct()
                .sorted()
                .toList();
    }
}
