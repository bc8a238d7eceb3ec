package dev.arraysweep.orchestrator.grid;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.params.ParamException;
import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.params.Params;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Expands a {@link SweepSpec} into its distinct canonical runs.
 *
 * <p>The combinations are the product of the axes (first grid axis slowest, then zip groups, seeds
 * fastest), each merged over {@code base:}. Exclusions are matched as described in {@link Exclusion};
 * each remaining combination is normalised with {@link Params#normalize}, and combinations that
 * normalise to the same parameters (say {@code momentum: [0.5, 0.9]} with adam) become one run, the
 * first in order. Invalid combinations (rules across parameters, such as {@code nesterov} with zero
 * momentum) are reported together, each with the file, line and key of the offending value.
 */
public final class Expander {
    /** The most combinations a sweep may have before exclusions; larger sweeps should be split. */
    public static final long MAX_COMBINATIONS = 1_000_000;

    private static final int MAX_REPORTED = 10;

    private Expander() {}

    /** {@return the runs of {@code spec}} @throws ExitException (bad input) if the sweep is too large or a combination is invalid */
    public static Expansion expand(SweepSpec spec) {
        long total = spec.combinations();
        if (total > MAX_COMBINATIONS) {
            throw ExitException.badInput(spec.file() + ": the sweep has "
                    + (total == Long.MAX_VALUE ? "too many" : total) + " combinations; the limit is " + MAX_COMBINATIONS
                    + ". Split it into several sweeps or shorten its lists.");
        }
        List<Axis> axes = spec.axes();
        List<Exclusion> exclusions = spec.exclusions();
        boolean[] used = new boolean[exclusions.size()];
        Map<String, ExpandedRun> runs = new LinkedHashMap<>();
        Map<String, Problem> problems = new LinkedHashMap<>();
        int excluded = 0;
        int merged = 0;
        int invalid = 0;
        Map<String, Integer> dropped = new TreeMap<>();
        int[] position = new int[axes.size()];
        for (long n = 0; n < total; n++, advance(position, axes)) {
            Map<String, SourceValue> sources = new HashMap<>(spec.base());
            for (int a = 0; a < axes.size(); a++) {
                sources.putAll(axes.get(a).points().get(position[a]));
            }
            List<Exclusion> undecided = new ArrayList<>(0);
            if (excludedByWritten(exclusions, sources, used, undecided)) {
                excluded++;
                continue;
            }
            ParamValues params;
            try {
                params = Params.normalize(values(sources));
            } catch (ParamException e) {
                invalid++;
                report(problems, spec, axes, sources, e);
                continue;
            }
            for (String written : sources.keySet()) {
                if (!params.has(written)) {
                    dropped.merge(written, 1, Integer::sum);
                }
            }
            if (excludedByNormalised(undecided, sources, params, used)) {
                excluded++;
            } else if (runs.putIfAbsent(params.hash(), ExpandedRun.of(params)) != null) {
                merged++;
            }
        }
        if (!problems.isEmpty()) {
            throw ExitException.badInput(message(spec, total, invalid, problems));
        }
        List<String> warnings = new ArrayList<>();
        for (Exclusion exclusion : exclusions) {
            if (!used[exclusion.index()]) {
                warnings.add(spec.file() + ":" + exclusion.line() + ": exclude[" + exclusion.index()
                        + "] matches no combination; check its keys and values.");
            }
        }
        return new Expansion(new ArrayList<>(runs.values()), total, excluded, merged, warnings, dropped);
    }

    /** Odometer step: the last axis turns fastest. */
    private static void advance(int[] position, List<Axis> axes) {
        for (int a = position.length - 1; a >= 0; a--) {
            if (++position[a] < axes.get(a).size()) {
                return;
            }
            position[a] = 0;
        }
    }

    private static Map<String, Object> values(Map<String, SourceValue> sources) {
        Map<String, Object> values = new HashMap<>(sources.size() * 2);
        sources.forEach((key, source) -> values.put(key, source.value()));
        return values;
    }

    /**
     * True when an exclusion matches on written values alone; exclusions whose written keys match
     * but that also name unwritten keys go to {@code undecided}, to be matched after normalising.
     */
    private static boolean excludedByWritten(
            List<Exclusion> exclusions, Map<String, SourceValue> sources, boolean[] used, List<Exclusion> undecided) {
        for (Exclusion exclusion : exclusions) {
            boolean unwritten = false;
            boolean matches = true;
            for (Map.Entry<String, SourceValue> e : exclusion.match().entrySet()) {
                SourceValue written = sources.get(e.getKey());
                if (written == null) {
                    unwritten = true;
                } else if (!Objects.equals(written.value(), e.getValue().value())) {
                    matches = false;
                    break;
                }
            }
            if (matches && !unwritten) {
                used[exclusion.index()] = true;
                return true;
            }
            if (matches) {
                undecided.add(exclusion);
            }
        }
        return false;
    }

    private static boolean excludedByNormalised(
            List<Exclusion> undecided, Map<String, SourceValue> sources, ParamValues params, boolean[] used) {
        for (Exclusion exclusion : undecided) {
            boolean matches = exclusion.match().entrySet().stream()
                    .filter(e -> !sources.containsKey(e.getKey()))
                    .allMatch(e -> params.has(e.getKey())
                            && Objects.equals(
                                    params.asMap().get(e.getKey()), e.getValue().value()));
            if (matches) {
                used[exclusion.index()] = true;
                return true;
            }
        }
        return false;
    }

    /** One distinct error: where it is, what it says, an example run and how many runs share it. */
    private static final class Problem {
        final String text;
        int count;

        Problem(String text) {
            this.text = text;
        }
    }

    private static void report(
            Map<String, Problem> problems,
            SweepSpec spec,
            List<Axis> axes,
            Map<String, SourceValue> sources,
            ParamException e) {
        SourceValue source = sources.get(e.param());
        String where = source != null
                ? spec.file() + ":" + source.position() + ": " + source.key()
                : spec.file() + ": " + e.param() + " (default)";
        String key = where + ": " + e.detail();
        problems.computeIfAbsent(key, k -> new Problem(k + example(axes, sources))).count++;
    }

    /** The axis values of the run, to show which combination failed. */
    private static String example(List<Axis> axes, Map<String, SourceValue> sources) {
        StringBuilder out = new StringBuilder();
        for (Axis axis : axes) {
            for (String key : axis.keys()) {
                out.append(out.length() == 0 ? " (in the run with " : ", ")
                        .append(key)
                        .append('=')
                        .append(sources.get(key).value());
            }
        }
        return out.length() == 0 ? "" : out.append(')').toString();
    }

    private static String message(SweepSpec spec, long total, int invalid, Map<String, Problem> problems) {
        List<String> lines = new ArrayList<>();
        for (Problem problem : problems.values()) {
            if (lines.size() == MAX_REPORTED) {
                lines.add("... and " + (problems.size() - MAX_REPORTED) + " more distinct problems");
                break;
            }
            lines.add(problem.text + (problem.count > 1 ? " [and " + (problem.count - 1) + " more runs]" : ""));
        }
        if (total == 1 && lines.size() == 1) {
            return lines.get(0);
        }
        return invalid + " of " + total + " combinations in " + spec.file() + " are invalid:\n"
                + String.join("\n", lines);
    }
}
