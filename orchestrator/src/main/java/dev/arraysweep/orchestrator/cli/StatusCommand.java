package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.model.Sweep;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.slurm.TaskEnvironment;
import dev.arraysweep.orchestrator.slurm.CommandLineSlurm;
import dev.arraysweep.orchestrator.slurm.Reconciler;
import dev.arraysweep.orchestrator.slurm.Slurm;
import dev.arraysweep.orchestrator.status.SweepProgress;
import dev.arraysweep.orchestrator.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code arraysweep status [SWEEP]}: ingests journals, marks lost the runs Slurm no longer runs, then shows per
 * sweep the runs per state and progress.
 */
final class StatusCommand implements Command {
    @Override
    public String name() {
        return "status";
    }

    @Override
    public String usage() {
        return "[SWEEP]";
    }

    @Override
    public String summary() {
        return "show runs per state, epochs done of total and an ETA per sweep";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line, Context ctx) {
        String sweep = line.getArgList().isEmpty() ? null : line.getArgList().get(0);
        Context.Ingested ingested = ctx.openIngested(true);
        Database db = ingested.db();
        if (ingested.summary() != null) {
            ctx.out().println(ingested.summary());
        }
        Sweep named = sweep == null ? null : db.sweeps().require(sweep);
        reconcile(ctx, db, named);
        List<SweepProgress> all = SweepProgress.load(db, sweep);
        if (all.isEmpty() && named == null) {
            ctx.out().println("no sweeps yet: `arraysweep expand sweeps/demo.yaml` stores one");
            return 0;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (SweepProgress p : all) {
            rows.add(List.of(
                    p.sweep(),
                    p.count(RunState.DONE),
                    p.count(RunState.RUNNING),
                    p.count(RunState.PENDING),
                    p.count(RunState.FAILED),
                    p.count(RunState.PREEMPTED),
                    p.count(RunState.LOST),
                    p.count(RunState.RETIRED),
                    p.epochsDone() + "/" + p.epochsTotal(),
                    p.bar(20),
                    p.etaText()));
        }
        ctx.out()
                .print(new Table(
                                List.of(
                                        "sweep",
                                        "done",
                                        "running",
                                        "pending",
                                        "failed",
                                        "preempted",
                                        "lost",
                                        "retired",
                                        "epochs",
                                        "progress",
                                        "eta"),
                                rows)
                        .toText());
        return 0;
    }

    /**
     * Marks lost the running runs with a stale heartbeat whose Slurm task is gone; Slurm is asked only when
     * there are such runs. Without Slurm, or when it does not answer, status goes on with what it has.
     */
    private static void reconcile(Context ctx, Database db, Sweep sweep) {
        Slurm slurm = CommandLineSlurm.create(ctx.clock(), ctx.env());
        if (!slurm.installed()) {
            return;
        }
        Long sweepId = sweep == null ? null : sweep.id();
        try {
            List<Reconciler.LostRun> lost =
                    new Reconciler(db, slurm, ctx.clock(), TaskEnvironment.staleAfter(ctx.env())).markLost(sweepId);
            Map<Long, String> names = lost.isEmpty()
                    ? Map.of()
                    : db.sweeps().list().stream().collect(Collectors.toMap(Sweep::id, Sweep::name));
            for (Reconciler.LostRun l : lost) {
                ctx.out()
                        .printf(
                                "marked run %d of %s lost: %s%n",
                                l.run().arrayIndex(), names.get(l.run().sweepId()), l.why());
            }
        } catch (ExitException e) {
            ctx.err().println("warning: could not check runs against Slurm: " + e.getMessage());
        }
    }
}
