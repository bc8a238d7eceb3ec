package dev.arraysweep.orchestrator.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arraysweep.db.Plural;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.repo.ExpansionPlan;
import dev.arraysweep.orchestrator.grid.ExpandedRun;
import dev.arraysweep.orchestrator.table.Table;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An expansion plan in words, for {@code expand --dry-run} and for {@code expand}'s refusal: what is new, what
 * stays where, what would be retired (with its state and epochs) and which parameters changed to cause it.
 */
public final class PlanReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    /** Rows of retired runs listed before the list is cut. */
    static final int RETIRED_ROWS = 50;

    private PlanReport() {}

    /** {@return the one-line count of a plan against the stored sweep} */
    public static String counts(ExpansionPlan plan) {
        String fresh = plan.fresh().isEmpty()
                ? "0 new runs"
                : Plural.of(plan.fresh().size(), "new run") + " (indices "
                        + range(
                                plan.fresh().get(0).index(),
                                plan.fresh().get(plan.fresh().size() - 1).index())
                        + ")";
        int withResults = plan.retiredWithResults().size();
        return fresh + ", " + plan.kept().size() + " kept at their indices, "
                + Plural.of(plan.retired().size(), "retired run")
                + (withResults == 0 ? "" : " (" + withResults + " with results)") + ", "
                + Plural.of(plan.revived().size(), "revived run")
                + (plan.extended().isEmpty()
                        ? ""
                        : ", " + Plural.of(plan.extended().size(), "extended run")
                                + " (more epochs, continued from their final state"
                                + (stoppedEarly(plan) == 0
                                        ? ""
                                        : "; " + stoppedEarly(plan) + " of them ended by early stopping and stay"
                                                + " done")
                                + ")");
    }

    /** {@return how many of the extended runs early stopping ended: they stay done, with no epoch to train} */
    private static long stoppedEarly(ExpansionPlan plan) {
        return plan.extended().stream()
                .filter(x -> x.from().stopEpoch() != null && x.from().state() == RunState.DONE)
                .count();
    }

    /**
     * {@return the parameters whose values differ between the stored runs the sweep keeps or retires and the
     * runs it would hold, e.g. {@code epochs: 4 -> 3}}; empty when only new combinations were added
     */
    public static List<String> changedParameters(ExpansionPlan plan, List<ExpandedRun> runs) {
        if (plan.retired().isEmpty() && plan.extended().isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> before = new LinkedHashMap<>();
        for (Run r : plan.retired()) {
            params(r).forEach((k, v) -> before.computeIfAbsent(k, x -> new TreeSet<>())
                    .add(v));
        }
        for (ExpansionPlan.Extension x : plan.extended()) {
            params(x.from()).forEach((k, v) -> before.computeIfAbsent(k, y -> new TreeSet<>())
                    .add(v));
        }
        for (Run r : plan.kept()) {
            params(r).forEach((k, v) -> before.computeIfAbsent(k, x -> new TreeSet<>())
                    .add(v));
        }
        Map<String, Set<String>> after = new LinkedHashMap<>();
        for (ExpandedRun r : runs) {
            params(r).forEach((k, v) -> after.computeIfAbsent(k, x -> new TreeSet<>())
                    .add(v));
        }
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            Set<String> b = before.getOrDefault(k, Set.of());
            Set<String> a = after.getOrDefault(k, Set.of());
            if (!b.equals(a)) {
                out.add(k + ": " + values(b) + " -> " + values(a));
            }
        }
        return out;
    }

    /**
     * {@return the runs the plan retires, at most {@link #RETIRED_ROWS}, each with its state, epochs and the
     * closest run of the new sweep (fewest differing parameters) with what differs}
     */
    public static Table retired(ExpansionPlan plan, List<ExpandedRun> runs, Map<String, Integer> indexOf) {
        List<Map<String, String>> wanted = runs.stream().map(PlanReport::params).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (Run r :
                plan.retired().subList(0, Math.min(RETIRED_ROWS, plan.retired().size()))) {
            Map<String, String> p = params(r);
            int best = -1;
            List<String> bestDiff = null;
            for (int i = 0; i < wanted.size(); i++) {
                List<String> diff = diff(p, wanted.get(i));
                if (bestDiff == null || diff.size() < bestDiff.size()) {
                    best = i;
                    bestDiff = diff;
                }
            }
            String instead =
                    best < 0 ? "-" : "#" + indexOf.get(runs.get(best).hash()) + ": " + String.join(", ", bestDiff);
            rows.add(List.of(
                    r.arrayIndex(),
                    r.state().dbName(),
                    r.epochsDone() + "/" + r.epochsTotal(),
                    r.paramsHash().substring(0, Math.min(8, r.paramsHash().length())),
                    instead));
        }
        return new Table(List.of("#", "state", "epochs", "hash", "closest new run"), rows);
    }

    /** {@return the array index each run of the expansion would have: kept and revived keep theirs} */
    public static Map<String, Integer> indices(ExpansionPlan plan) {
        Map<String, Integer> out = new HashMap<>();
        plan.kept().forEach(r -> out.put(r.paramsHash(), r.arrayIndex()));
        plan.revived().forEach(r -> out.put(r.paramsHash(), r.arrayIndex()));
        plan.fresh().forEach(f -> out.put(f.run().hash(), f.index()));
        return out;
    }

    private static List<String> diff(Map<String, String> from, Map<String, String> to) {
        Set<String> keys = new LinkedHashSet<>(from.keySet());
        keys.addAll(to.keySet());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String a = from.get(k);
            String b = to.get(k);
            if (!Objects.equals(a, b)) {
                out.add(k + " " + (a == null ? "(unset)" : a) + " -> " + (b == null ? "(unset)" : b));
            }
        }
        return out;
    }

    private static String values(Collection<String> vs) {
        return vs.isEmpty() ? "(unset)" : String.join(", ", vs);
    }

    private static Map<String, String> params(Run r) {
        try {
            return canonical(JSON.readValue(r.paramsJson(), MAP));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> params(ExpandedRun r) {
        return canonical(r.params().asMap());
    }

    /** Values as JSON text, so that 4 read back from the database equals the expansion's 4 (int or long). */
    private static Map<String, String> canonical(Map<String, ?> m) {
        return m.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> json(e.getValue()), (a, b) -> a, LinkedHashMap::new));
    }

    private static String json(Object v) {
        if (v instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String range(int a, int b) {
        return a == b ? String.valueOf(a) : a + "-" + b;
    }
}
