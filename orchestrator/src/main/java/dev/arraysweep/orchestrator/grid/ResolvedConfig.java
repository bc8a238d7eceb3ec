package dev.arraysweep.orchestrator.grid;

import dev.arraysweep.db.Plural;
import dev.arraysweep.db.params.ParamDef;
import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.orchestrator.table.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a sweep will run, in words, for {@code expand --dry-run}: the configuration of its first run with where
 * each value comes from (the sweep file's base, its grid, or the built-in default), and every written parameter
 * that was dropped because it does not apply, with the rule that dropped it.
 */
public final class ResolvedConfig {
    private ResolvedConfig() {}

    /**
     * {@return the first run's parameters, one row each: name, value, and whether the value is written in
     * {@code base:}, varied by an axis ({@code grid:}, {@code zip:}, {@code seeds:}) or the built-in default}
     */
    public static Table base(SweepSpec spec, Expansion expansion) {
        if (expansion.runs().isEmpty()) {
            return new Table(List.of("parameter", "value", "from"), List.of());
        }
        Set<String> varied = new LinkedHashSet<>();
        for (Axis axis : spec.axes()) {
            varied.addAll(axis.keys());
        }
        ParamValues first = expansion.runs().get(0).params();
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, Object> e : first.asMap().entrySet()) {
            String from = varied.contains(e.getKey())
                    ? "varies (" + axisOf(spec, e.getKey()) + ")"
                    : spec.base().containsKey(e.getKey()) ? "base" : "default";
            rows.add(List.of(e.getKey(), e.getValue() == null ? "null" : e.getValue(), from));
        }
        return new Table(List.of("parameter", "value (first run)", "from"), rows);
    }

    /** {@return one line per written parameter that was dropped somewhere, with the rule and how often} */
    public static List<String> dropped(Expansion expansion) {
        List<String> out = new ArrayList<>();
        long kept = expansion.combinations() - expansion.excluded();
        for (Map.Entry<String, Integer> e : expansion.dropped().entrySet()) {
            String rule = Params.find(e.getKey()).map(ParamDef::dropRule).orElse("not a parameter of these runs");
            out.add(e.getKey() + ": " + rule + "; dropped in " + e.getValue() + " of "
                    + Plural.of(kept, "combination"));
        }
        return out;
    }

    private static String axisOf(SweepSpec spec, String key) {
        return spec.axes().stream()
                .filter(a -> a.keys().contains(key))
                .map(Axis::name)
                .findFirst()
                .orElse("grid");
    }
}
