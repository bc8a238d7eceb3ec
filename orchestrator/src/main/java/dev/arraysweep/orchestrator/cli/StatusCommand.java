package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.model.Sweep;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.slurm.TaskEnvironment;
import dev.arraysweep.orchestrator.slurm.CommandLineSlurm;
import dev.arraysweep.orchestrator.slurm.Reconciler;
import dev.arraysweep.orchestrator.slurm.Slurm;
import dev.arraysweep.orchestrator.status.RunRow;
import dev.arraysweep.orchestrator.status.SweepProgress;
import dev.arraysweep.orchestrator.table.Table;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code arraysweep status [SWEEP]}: ingests journals, marks lost the runs Slurm no longer runs, then shows per
 * sweep the runs per state and progress; with a sweep's name, each of its runs (state, epochs, latest test metrics,
 * time taken and left, first line of its error); {@code --watch} refreshes in place.
 */
final class StatusCommand implements Command {
    /** Runs listed for a named sweep unless {@code --all}. */
    static final int RUN_ROWS = 100;

    static final int DEFAULT_EVERY = 5;
    private static final int ERROR_WIDTH = 60;
    /** ANSI: cursor home, clear screen (what {@code watch} does between frames). */
    private static final String CLEAR = "\u001b[H\u001b[2J";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT);

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String usage() {
        return "[SWEEP [--all]] [--watch [--every SECONDS]]";
    }

    @Override
    public String summary() {
        return "show runs per state, epochs done of total and an ETA per sweep; with SWEEP, each of its runs";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder()
                        .longOpt("all")
                        .desc("list every run of the sweep, not the first " + RUN_ROWS)
                        .build())
                .addOption(Option.builder()
                        .longOpt("watch")
                        .desc("refresh in place until no run is pending, preempted or running (Ctrl-C stops)")
                        .build())
                .addOption(Option.builder()
                        .longOpt("every")
                        .hasArg()
                        .argName("SECONDS")
                        .desc("with --watch: seconds between refreshes (default " + DEFAULT_EVERY + ")")
                        .build());
    }

    @Override
    public int run(CommandLine line, Context ctx) throws InterruptedException {
        String sweep = line.getArgList().isEmpty() ? null : line.getArgList().get(0);
        if (!ctx.workspace().hasDatabase()) {
            String where = ctx.noDatabase();
            if (sweep != null) {
                throw ExitException.badInput(where);
            }
            ctx.out().println(where);
            return 0;
        }
        int rows = line.hasOption("all") ? Integer.MAX_VALUE : RUN_ROWS;
        if (!line.hasOption("watch")) {
            show(ctx, sweep, rows);
            return 0;
        }
        int every = Flags.positiveInt(line, "every", DEFAULT_EVERY);
        while (true) {
            ctx.out().print(CLEAR);
            ctx.out()
                    .printf(
                            "status%s at %s, every %d s (Ctrl-C stops)%n",
                            sweep == null ? "" : " " + sweep,
                            TIME.format(ctx.clock().instant().atZone(ZoneOffset.UTC)),
                            every);
            boolean goesOn = show(ctx, sweep, rows);
            ctx.out().flush();
            ctx.closeDatabases(); // between refreshes the embedded file is free for workers' ingest and other commands
            if (!goesOn) {
                ctx.out().println("nothing pending, preempted or running: watch ends");
                return 0;
            }
            Thread.sleep(every * 1000L);
        }
    }

    /** Prints one status; {@return whether some run is still pending, preempted or running} */
    private static boolean show(Context ctx, String sweep, int runRows) {
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
            return false;
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean goesOn = false;
        for (SweepProgress p : all) {
            goesOn |= p.count(RunState.PENDING) + p.count(RunState.PREEMPTED) + p.count(RunState.RUNNING) > 0;
            rows.add(List.of(
                    p.sweep(),
                    p.count(RunState.DONE),
                    p.count(RunState.RUNNING),
                    p.count(RunState.PENDING),
                    p.count(RunState.FAILED),
                    p.count(RunState.DIVERGED),
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
                                        "diverged",
                                        "preempted",
                                        "lost",
                                        "retired",
                                        "epochs",
                                        "progress",
                                        "eta"),
                                rows)
                        .toText());
        if (named != null) {
            printRuns(ctx, db, named, runRows);
        }
        return goesOn;
    }

    private static void printRuns(Context ctx, Database db, Sweep sweep, int limit) {
        List<RunRow> runs = RunRow.load(db, sweep.id(), limit == Integer.MAX_VALUE ? limit : limit + 1);
        List<List<Object>> rows = new ArrayList<>();
        for (RunRow r : runs.subList(0, Math.min(limit, runs.size()))) {
            rows.add(List.of(
                    r.index(),
                    r.state().dbName(),
                    r.epochsDone() + "/" + r.epochsTotal(),
                    r.testAccuracy() == null ? "-" : String.format(Locale.ROOT, "%.4f", r.testAccuracy()),
                    r.testLoss() == null ? "-" : String.format(Locale.ROOT, "%.4f", r.testLoss()),
                    RunRow.clock(r.trainSeconds()),
                    RunRow.clock(r.etaSeconds()),
                    r.errorLine(ERROR_WIDTH)));
        }
        ctx.out().println();
        ctx.out()
                .print(new Table(
                                List.of(
                                        "#",
                                        "state",
                                        "epochs",
                                        "test acc",
                                        "test loss",
                                        "elapsed",
                                        "eta",
                                        "error or stop"),
                                rows)
                        .toText());
        if (runs.size() > limit) {
            ctx.out().println("(the first " + limit + " runs; --all lists every run)");
        }
    }

    /**
     * Marks lost the running runs whose worker is gone: outside submitted arrays, those whose lock nobody holds;
     * in them, those with a stale heartbeat whose Slurm task is gone (Slurm is asked only when there are such
     * runs). Without Slurm, or when it does not answer, status goes on with what it has.
     */
    private static void reconcile(Context ctx, Database db, Sweep sweep) {
        Orphans.markLost(ctx, db, sweep == null ? null : sweep.id(), false);
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
