package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.model.Submission;
import dev.arraysweep.db.model.Sweep;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.orchestrator.slurm.ArrayCanceller;
import dev.arraysweep.orchestrator.slurm.CommandLineSlurm;
import dev.arraysweep.orchestrator.slurm.Slurm;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code arraysweep cancel SWEEP}: cancels the sweep's job arrays that Slurm still has queued or running. */
final class CancelCommand implements Command {
    @Override
    public String name() {
        return "cancel";
    }

    @Override
    public String usage() {
        return "SWEEP";
    }

    @Override
    public String summary() {
        return "cancel the sweep's queued and running Slurm job arrays";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line, Context ctx) {
        String name = Flags.sweepName(line, "arraysweep cancel demo");
        Slurm slurm = CommandLineSlurm.create(ctx.clock(), ctx.env());
        slurm.requireInstalled();
        Database db = ctx.openExistingDatabase();
        Sweep sweep = db.sweeps().require(name);
        List<Submission> cancelled = new ArrayCanceller(db, slurm).cancelActive(sweep.id());
        if (cancelled.isEmpty()) {
            ctx.out().println("nothing to cancel: no array of " + name + " is queued or running in Slurm");
            return 0;
        }
        for (Submission s : cancelled) {
            ctx.out()
                    .printf("cancelled job %s (--array=%s, submitted %s)%n", s.jobId(), s.arraySpec(), s.submittedAt());
        }
        ctx.out()
                .printf(
                        "running workers get TERM and may checkpoint (preempted); `arraysweep status %s` shows"
                                + " where the runs stand, `arraysweep submit %s` goes on later%n",
                        name, name);
        return 0;
    }
}
