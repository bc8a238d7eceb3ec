package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.params.DidYouMean;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code arraysweep resubmit SWEEP [--states failed,lost,preempted]}: submits exactly the runs in those
 * states as a new array (runs whose task Slurm still has queued are left out). Diverged runs only when
 * named: with the same parameters a run diverges again.
 */
final class ResubmitCommand implements Command {
    /** The states a run may be resubmitted from: every state whose runs still need training, and diverged. */
    private static final Set<RunState> ALLOWED = RunState.claimableStates();

    @Override
    public String name() {
        return "resubmit";
    }

    @Override
    public String usage() {
        return "SWEEP [--states failed,lost,preempted] [--indices 0-3,7] [--dry-run]";
    }

    @Override
    public String summary() {
        return "submit the sweep's failed, lost and preempted runs again as a new array";
    }

    @Override
    public Options options() {
        return SubmitFlow.commonOptions()
                .addOption(Option.builder()
                        .longOpt("states")
                        .hasArg()
                        .argName("LIST")
                        .desc("run states to resubmit, from pending, failed, lost, preempted, diverged"
                                + " (default failed,lost,preempted; a diverged run diverges again unless training"
                                + " is not deterministic, so only when named)")
                        .build());
    }

    @Override
    public int run(CommandLine line, Context ctx) {
        if (line.hasOption("states") && line.hasOption("indices")) {
            throw ExitException.badInput("give --states or --indices, not both");
        }
        Set<RunState> states = line.hasOption("states")
                ? states(line.getOptionValue("states"))
                : EnumSet.of(RunState.FAILED, RunState.LOST, RunState.PREEMPTED);
        String name = line.getArgList().isEmpty() ? "SWEEP" : line.getArgList().get(0);
        return SubmitFlow.run(
                line, ctx, "resubmit", states, "`arraysweep status " + name + "` shows where the sweep stands");
    }

    static Set<RunState> states(String list) {
        Set<RunState> states = EnumSet.noneOf(RunState.class);
        List<String> allowed = ALLOWED.stream().map(RunState::dbName).toList();
        for (String part : list.split(",")) {
            String s = part.strip().toLowerCase(Locale.ROOT);
            if (!allowed.contains(s)) {
                throw ExitException.badInput("--states: '" + s + "' is not a state runs can be resubmitted from"
                        + DidYouMean.hint(s, allowed) + "; use some of " + String.join(", ", allowed));
            }
            states.add(RunState.fromDb(s));
        }
        return states;
    }
}
