package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.Plural;
import dev.arraysweep.db.journal.JournalIngest;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.model.Sweep;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.slurm.TaskEnvironment;
import dev.arraysweep.orchestrator.local.WorkerLauncher;
import dev.arraysweep.orchestrator.slurm.ArrayChunk;
import dev.arraysweep.orchestrator.slurm.ArrayPlanner;
import dev.arraysweep.orchestrator.slurm.CommandLineSlurm;
import dev.arraysweep.orchestrator.slurm.Reconciler;
import dev.arraysweep.orchestrator.slurm.SbatchScript;
import dev.arraysweep.orchestrator.slurm.SbatchSpec;
import dev.arraysweep.orchestrator.slurm.Slurm;
import dev.arraysweep.orchestrator.slurm.SubmittedArray;
import dev.arraysweep.orchestrator.slurm.SweepSubmitter;
import dev.arraysweep.orchestrator.sweep.SweepStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * What {@code submit} and {@code resubmit} share: their common flags, and the steps from a sweep's name to
 * arrays in Slurm's queue (ingest journals, mark lost runs, choose, plan, print or submit and record).
 */
final class SubmitFlow {
    private SubmitFlow() {}

    /** {@return the flags of both commands} */
    static Options commonOptions() {
        return new Options()
                .addOption(Option.builder()
                        .longOpt("dry-run")
                        .desc("print the batch script(s) that would be submitted; write and submit nothing")
                        .build())
                .addOption(Option.builder()
                        .longOpt("indices")
                        .hasArg()
                        .argName("LIST")
                        .desc("exactly these array indices, e.g. 0-3,7 (each must need running)")
                        .build())
                .addOption(Option.builder()
                        .longOpt("max-array-tasks")
                        .hasArg()
                        .argName("N")
                        .desc("at most N tasks per array, for clusters that limit them (default: no limit)")
                        .build());
    }

    /** Runs the flow for {@code states} (ignored when {@code --indices} is given); returns the exit status. */
    static int run(CommandLine line, Context ctx, String verb, Set<RunState> states, String hint) {
        String name = Flags.sweepName(line, "arraysweep " + verb + " demo");
        boolean dryRun = line.hasOption("dry-run");
        List<Integer> indices = line.hasOption("indices") ? Flags.indexList(line.getOptionValue("indices")) : null;
        int maxArrayTasks = Flags.positiveInt(line, "max-array-tasks", 0);
        Slurm slurm = CommandLineSlurm.create(ctx.clock(), ctx.env());
        Duration stale = TaskEnvironment.staleAfter(ctx.env());
        Database db;
        if (dryRun) {
            db = ctx.openExistingDatabase();
        } else {
            slurm.requireInstalled();
            db = ctx.openDatabase();
            new JournalIngest(db).ingestAll(ctx.workspace().root().resolve("runs"));
        }
        Sweep sweep = db.sweeps().require(name);
        if (!dryRun) {
            ctx.writeTaskFiles(db, sweep);
            Orphans.markLost(ctx, db, sweep.id(), false);
            new Reconciler(db, slurm, ctx.clock(), stale).markLost(sweep.id()).forEach(l -> ctx.out()
                    .printf("marked run %d lost: %s%n", l.run().arrayIndex(), l.why()));
        }
        String worker = SbatchScript.commandLine(WorkerLauncher.command(ctx.env(), List.of("run", "--sweep", name)));
        SweepSubmitter submitter = new SweepSubmitter(db, slurm, ctx.clock(), stale);
        SweepSubmitter.Plan plan = submitter.plan(
                sweep,
                SweepStore.slurmSettings(sweep.slurmJson()),
                ctx.workspace(),
                new SweepSubmitter.Request(states, indices, verb, hint, maxArrayTasks, worker, dryRun));
        String what = plan.selection().summary() + " of " + name + " in "
                + plan.arrays().size() + " array" + (plan.arrays().size() == 1 ? "" : "s");
        if (dryRun) {
            printDryRun(ctx, plan, what);
            return 0;
        }
        ctx.out().println(verb + "ting " + what);
        List<SubmittedArray> submitted = submitter.submit(plan);
        for (SubmittedArray a : submitted) {
            ctx.out()
                    .printf(
                            "  job %s: --array=%s (runs %s), script %s%n",
                            a.jobId(), SweepSubmitter.arraySpec(plan, a.array()), runs(a.array()), a.script());
        }
        String url = plan.arrays().get(0).workspace().dbUrl();
        ctx.out().println("workers write to " + url);
        if (!Database.isServerUrl(url)) {
            ctx.out()
                    .println("  (workers write only their journals under "
                            + ctx.workspace().root().resolve("runs")
                            + "; `status`, `report` and `ingest` load them: no database server is needed)");
        }
        ctx.out()
                .printf(
                        "follow with `arraysweep status %s`; task logs: %s/%s_TASK.out%n",
                        name, ctx.workspace().logDir(name), submitted.get(0).jobId());
        return 0;
    }

    private static void printDryRun(Context ctx, SweepSubmitter.Plan plan, String what) {
        ctx.out().println("dry run: would submit " + what + "; nothing written, nothing submitted");
        if (!plan.slurmKnown()) {
            ctx.out()
                    .println("(" + plan.slurmProblem() + ": the arrays are planned for Slurm's default MaxArraySize "
                            + ArrayPlanner.DEFAULT_MAX_ARRAY_SIZE + ", and Slurm's queue was not checked)");
        }
        SbatchSpec firstArray = plan.arrays().get(0);
        Integer limit = firstArray.slurm().maxConcurrent();
        if (limit != null && plan.arrays().size() > 1) {
            long chains = plan.arrays().stream()
                    .filter(a -> a.limit().afterArray() == null)
                    .count();
            ctx.out()
                    .println("max_concurrent " + limit + " holds across the "
                            + plan.arrays().size() + " arrays: "
                            + Plural.of(chains, "chain") + " of arrays whose throttles add up to " + limit
                            + ", each array starting after the one before it in its chain ends (afterany)");
        }
        int n = plan.firstScript();
        for (SbatchSpec spec : plan.arrays()) {
            Path script = ctx.workspace().submitScript(spec.sweep(), n++);
            ctx.out()
                    .printf(
                            "%n===== %s: --array=%s (runs %s)%s =====%n",
                            script,
                            SbatchScript.arrayOption(spec),
                            runs(spec.array()),
                            spec.limit().afterArray() == null
                                    ? ""
                                    : ", after array " + (spec.limit().afterArray() + 1) + " ends");
            ctx.out().print(SbatchScript.render(spec));
        }
    }

    private static String runs(ArrayChunk array) {
        return array.runs().stream()
                .map(r -> r.spec(0))
                .reduce((a, b) -> a + "," + b)
                .orElse("");
    }
}
