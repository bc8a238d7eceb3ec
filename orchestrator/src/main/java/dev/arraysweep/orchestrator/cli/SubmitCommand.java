package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.model.RunState;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code arraysweep submit SWEEP [--dry-run] [--retry]}: submits the runs that need running (pending,
 * preempted, lost; failed with {@code --retry}) as Slurm job arrays and records them.
 */
final class SubmitCommand implements Command {
    @Override
    public String name() {
        return "submit";
    }

    @Override
    public String usage() {
        return "SWEEP [--dry-run] [--retry] [--indices 0-3,7] [--max-array-tasks N]";
    }

    @Override
    public String summary() {
        return "submit the sweep's pending, preempted and lost runs to Slurm as job arrays";
    }

    @Override
    public Options options() {
        return SubmitFlow.commonOptions()
                .addOption(Option.builder()
                        .longOpt("retry")
                        .desc("also submit failed runs")
                        .build());
    }

    @Override
    public int run(CommandLine line, Context ctx) {
        String name = line.getArgList().isEmpty() ? "SWEEP" : line.getArgList().get(0);
        String hint = (line.hasOption("retry") ? "" : "failed runs are submitted with --retry; ")
                + "`arraysweep status " + name + "` shows where the sweep stands";
        return SubmitFlow.run(line, ctx, "submit", RunState.toRun(line.hasOption("retry")), hint);
    }
}
