package dev.arraysweep.orchestrator.results;

import dev.arraysweep.db.params.ParamDef;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.db.params.TwinKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Splits a sweep's runs into groups (one configuration, every seed and sampling setting) and names
 * groups and settings by the parameters that vary across the sweep, as the thesis' tables do.
 */
public final class Grouping {
    private static final List<String> FILTER_SWITCHES = List.of("epoch_filtering", "batch_filtering");

    private Grouping() {}

    /** {@return the groups of a sweep's runs, in order of their first array index} */
    public static List<Group> of(SweepResults results) {
        Set<String> varying = varying(results.runs());
        Map<SortedMap<String, Object>, Map<SortedMap<String, Object>, List<RunData>>> byConfig = new LinkedHashMap<>();
        for (RunData run : results.runs()) {
            SortedMap<String, Object> config = TwinKey.configuration(run.params());
            config.remove(TwinKey.SEED);
            byConfig.computeIfAbsent(config, c -> new LinkedHashMap<>())
                    .computeIfAbsent(TwinKey.sampling(run.params()), s -> new ArrayList<>())
                    .add(run);
        }
        List<Group> groups = new ArrayList<>();
        for (var e : byConfig.entrySet()) {
            SortedMap<String, Object> shown = inRegistryOrder(e.getKey(), varying);
            Set<String> varyingHere =
                    varying(e.getValue().values().stream().flatMap(List::stream).toList());
            List<Setting> settings = new ArrayList<>();
            for (var s : e.getValue().entrySet()) {
                boolean archetype = TwinKey.isArchetype(s.getKey());
                settings.add(new Setting(
                        settingLabel(s.getKey(), archetype, varyingHere), archetype, s.getKey(), s.getValue()));
            }
            settings.sort((a, b) -> Boolean.compare(b.archetype(), a.archetype()));
            groups.add(new Group(groups.size() + 1, label(shown), shown, distinctLabels(settings)));
        }
        return groups;
    }

    /** Parameters with more than one value among the runs that have them (seed excluded). */
    private static Set<String> varying(List<RunData> runs) {
        Map<String, Set<Object>> values = new TreeMap<>();
        for (RunData run : runs) {
            run.params().forEach((k, v) -> values.computeIfAbsent(k, x -> new HashSet<>())
                    .add(Objects.toString(v)));
        }
        Set<String> out = values.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(HashSet::new));
        out.remove(TwinKey.SEED);
        return out;
    }

    private static SortedMap<String, Object> inRegistryOrder(Map<String, Object> params, Set<String> varying) {
        List<String> order = Params.all().stream().map(ParamDef::name).toList();
        SortedMap<String, Object> shown =
                new TreeMap<>(Comparator.<String>comparingInt(order::indexOf).thenComparing(Comparator.naturalOrder()));
        params.forEach((k, v) -> {
            if (varying.contains(k)) {
                shown.put(k, v);
            }
        });
        return shown;
    }

    private static String label(Map<String, Object> shown) {
        return shown.isEmpty()
                ? "all runs"
                : shown.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    /**
     * Names a sampling setting like the thesis' "Filtering" column (none, epochwise, batchwise,
     * epoch + batch), followed by the other sampling parameters that vary within the group or whose value
     * differs from the archetype's (selector, sampler).
     */
    static String settingLabel(Map<String, Object> sampling, boolean archetype, Set<String> varying) {
        if (archetype) {
            return "none (archetype)";
        }
        List<String> parts = new ArrayList<>();
        boolean epoch = Boolean.TRUE.equals(sampling.get("epoch_filtering"));
        boolean batch = Boolean.TRUE.equals(sampling.get("batch_filtering"));
        if (epoch || batch) {
            parts.add(epoch && batch ? "epoch + batch" : epoch ? "epochwise" : "batchwise");
        }
        for (String name : TwinKey.SAMPLING_PARAMETERS) {
            if (FILTER_SWITCHES.contains(name) || !sampling.containsKey(name)) {
                continue;
            }
            Object value = sampling.get(name);
            Object plain = TwinKey.ARCHETYPE.get(name);
            if (varying.contains(name) || (plain != null && !plain.equals(value))) {
                parts.add(name + "=" + value);
            }
        }
        return parts.isEmpty() ? "no filtering" : String.join(", ", parts);
    }

    /** Two settings of a group never share a label: a clash gets every sampling parameter spelled out. */
    private static List<Setting> distinctLabels(List<Setting> settings) {
        Map<String, Long> counts =
                settings.stream().collect(Collectors.groupingBy(Setting::label, Collectors.counting()));
        return settings.stream()
                .map(s -> counts.get(s.label()) == 1
                        ? s
                        : new Setting(s.label() + " " + s.sampling(), s.archetype(), s.sampling(), s.runs()))
                .toList();
    }
}
