package dev.arraysweep.orchestrator.slurm;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The runs of a sweep to submit: those in the wanted states, or the indices asked for, less the runs whose
 * task Slurm still has queued or running (submitting them again would start a second worker for them).
 *
 * @param indices the array indices to submit, ascending
 * @param byState how many of them are in each state
 * @param queued runs left out because Slurm has them: array index to Slurm task and state
 */
public record RunSelection(List<Integer> indices, Map<RunState, Integer> byState, Map<Integer, String> queued) {

    public RunSelection {
        indices = List.copyOf(indices);
        byState = Map.copyOf(byState);
        queued = Collections.unmodifiableMap(new TreeMap<>(queued));
    }

    /**
     * {@return the runs of {@code runs} in one of {@code states}, less those Slurm has queued}
     *
     * @param what the command's verb for messages ("submit", "resubmit")
     * @param hint what to do when none is in those states
     */
    public static RunSelection byState(
            List<Run> runs, Set<RunState> states, SubmittedTasks tasks, String what, String hint) {
        List<Integer> indices = new ArrayList<>();
        Map<RunState, Integer> byState = new EnumMap<>(RunState.class);
        Map<Integer, String> queued = new TreeMap<>();
        for (Run r : runs) {
            if (!states.contains(r.state())) {
                continue;
            }
            if (tasks.queued(r)) {
                queued.put(r.arrayIndex(), describe(tasks, r));
            } else {
                indices.add(r.arrayIndex());
                byState.merge(r.state(), 1, Integer::sum);
            }
        }
        if (indices.isEmpty()) {
            String names = states.stream().map(RunState::dbName).sorted().collect(Collectors.joining(", "));
            throw ExitException.wrongState("nothing to " + what + ": no run is " + names
                    + (queued.isEmpty()
                            ? ""
                            : " without its task already in Slurm's queue (" + queuedText(queued) + ")")
                    + "; " + hint);
        }
        return new RunSelection(indices, byState, queued);
    }

    /**
     * {@return exactly the runs at {@code wanted}}, each of which must exist and need running
     *
     * @throws ExitException bad input (2) for an index outside the sweep; wrong state (3) for a run that is
     *     done, retired, running with a fresh heartbeat, or queued in Slurm
     */
    public static RunSelection exactly(
            List<Run> runs, List<Integer> wanted, SubmittedTasks tasks, Instant now, Duration stale) {
        Map<Integer, Run> byIndex = requireInSweep(runs, wanted);
        List<Integer> indices = new ArrayList<>();
        Map<RunState, Integer> byState = new EnumMap<>(RunState.class);
        for (int index : new TreeSet<>(wanted)) {
            Run r = byIndex.get(index);
            String refusal = refusal(r, tasks, now, stale);
            if (refusal != null) {
                throw ExitException.wrongState(refusal);
            }
            indices.add(index);
            byState.merge(r.state(), 1, Integer::sum);
        }
        return new RunSelection(indices, byState, Map.of());
    }

    /**
     * {@return the sweep's runs by array index}
     *
     * @throws ExitException bad input (2) naming the first of {@code wanted} that is not an index of the sweep
     */
    public static Map<Integer, Run> requireInSweep(List<Run> runs, Collection<Integer> wanted) {
        Map<Integer, Run> byIndex = new TreeMap<>();
        runs.forEach(r -> byIndex.put(r.arrayIndex(), r));
        for (int index : new TreeSet<>(wanted)) {
            if (!byIndex.containsKey(index)) {
                throw ExitException.badInput("the sweep has no array index " + index
                        + (byIndex.isEmpty()
                                ? " (it has no runs)"
                                : "; its indices are " + ArrayPlanner.compress(List.copyOf(byIndex.keySet()))));
            }
        }
        return byIndex;
    }

    private static String refusal(Run r, SubmittedTasks tasks, Instant now, Duration stale) {
        int i = r.arrayIndex();
        if (tasks.queued(r)) {
            return "run " + i + " is already in Slurm's queue as " + describe(tasks, r)
                    + "; submitting it again would start a second worker. `arraysweep cancel SWEEP` stops its array";
        }
        return switch (r.state()) {
            case RUNNING -> r.heartbeatAt() != null && r.heartbeatAt().isAfter(now.minus(stale))
                    ? "run " + i + " is already running (attempt " + r.attempt() + " on node " + r.node()
                            + ", last heartbeat "
                            + Duration.between(r.heartbeatAt(), now).toSeconds() + " s ago);"
                            + " refusing to start a second worker for it. If that worker is gone, wait until its heartbeat"
                            + " is older than " + stale.toSeconds() + " s (ARRAYSWEEP_STALE_SECONDS) and run"
                            + " `arraysweep status` to mark it lost"
                    : null;
            case DONE -> "run " + i + " is already done (" + r.epochsDone() + " epochs); nothing to rerun";
            case RETIRED -> "run " + i + " was retired (it is no longer in the sweep file); add its parameters back"
                    + " and expand again to run it";
            default -> null;
        };
    }

    private static String describe(SubmittedTasks tasks, Run r) {
        return tasks.task(r).map(t -> t.name() + " (" + t.state() + ")").orElse(r.slurmArrayJobId());
    }

    private static String queuedText(Map<Integer, String> queued) {
        return queued.size() + " run" + (queued.size() == 1 ? "" : "s") + ": "
                + ArrayPlanner.compress(List.copyOf(queued.keySet()));
    }

    /** {@return a one-line account, such as {@code 7 runs (pending 5, lost 2); 2 already queued in Slurm: 3-4}} */
    public String summary() {
        String states = byState.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().dbName() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return indices.size() + " run" + (indices.size() == 1 ? "" : "s") + " (" + states + ")"
                + (queued.isEmpty() ? "" : "; left out, already in Slurm's queue: " + queuedText(queued));
    }
}
