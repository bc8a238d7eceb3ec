package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Plural;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.ExpansionPlan;
import dev.arraysweep.db.repo.ExpansionResult;
import dev.arraysweep.db.repo.RunRepository;
import dev.arraysweep.orchestrator.grid.ExpandedRun;
import dev.arraysweep.orchestrator.grid.Expander;
import dev.arraysweep.orchestrator.grid.Expansion;
import dev.arraysweep.orchestrator.grid.ResolvedConfig;
import dev.arraysweep.orchestrator.grid.SweepParser;
import dev.arraysweep.orchestrator.grid.SweepSpec;
import dev.arraysweep.orchestrator.sweep.PlanReport;
import dev.arraysweep.orchestrator.sweep.SweepStore;
import dev.arraysweep.orchestrator.table.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code arraysweep expand SWEEP.yaml [--dry-run]}: validates a sweep file, expands its grid and stores the
 * runs; re-expanding keeps existing runs at their indices, appends new ones and retires removed ones.
 */
final class ExpandCommand implements Command {
    private static final int DRY_RUN_ROWS = 50;

    @Override
    public String name() {
        return "expand";
    }

    @Override
    public String usage() {
        return "SWEEP.yaml [--dry-run [--all]] [--retire]";
    }

    @Override
    public String summary() {
        return "validate a sweep file and store its runs (--dry-run prints them without writing)";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder()
                        .longOpt("dry-run")
                        .desc("print the count and the runs without writing anything")
                        .build())
                .addOption(Option.builder()
                        .longOpt("retire")
                        .desc("retire runs that are no longer in the sweep file even when they have results"
                                + " (their metrics stay stored; they come back when their parameters do)")
                        .build())
                .addOption(Option.builder()
                        .longOpt("all")
                        .desc("with --dry-run: print every run, not the first " + DRY_RUN_ROWS)
                        .build());
    }

    @Override
    public int run(CommandLine line, Context ctx) throws IOException {
        if (line.getArgList().size() != 1) {
            throw ExitException.badInput("expected one sweep file, e.g. arraysweep expand sweeps/demo.yaml");
        }
        Path file = Path.of(line.getArgList().get(0));
        if (!Files.isRegularFile(file)) {
            throw ExitException.badInput(file + ": no such file (sweep files live in sweeps/, e.g. sweeps/demo.yaml)");
        }
        String text = Files.readString(file);
        long start = System.nanoTime();
        SweepSpec spec = SweepParser.parse(file, text);
        Expansion expansion = Expander.expand(spec);
        double ms = (System.nanoTime() - start) / 1e6;
        expansion.warnings().forEach(w -> ctx.err().println("warning: " + w));
        String counts = Plural.of(expansion.runs().size(), "run") + " ("
                + Plural.of(expansion.combinations(), "combination") + ", " + expansion.excluded() + " excluded, "
                + expansion.merged() + " merged as equivalent)";
        if (line.hasOption("dry-run")) {
            int limit = line.hasOption("all") ? Integer.MAX_VALUE : DRY_RUN_ROWS;
            ctx.out().println("sweep " + spec.name() + ": " + counts + "; nothing written (dry run)");
            ctx.out().println("configuration (every parameter of the first run; default = built in, see README):");
            ctx.out().print(ResolvedConfig.base(spec, expansion).toText());
            List<String> dropped = ResolvedConfig.dropped(expansion);
            if (!dropped.isEmpty()) {
                ctx.out().println("dropped where they do not apply (so equivalent runs are one run):");
                dropped.forEach(d -> ctx.out().println("  " + d));
            }
            if (expansion.merged() > 0) {
                ctx.out()
                        .println("merged: " + Plural.of(expansion.merged(), "combination")
                                + " equal to an earlier one once dropped parameters were removed");
            }
            ExpansionPlan plan = storedPlan(ctx, spec, text, expansion);
            Map<String, Integer> indexOf = new HashMap<>();
            if (plan == null) {
                for (int i = 0; i < expansion.runs().size(); i++) {
                    indexOf.put(expansion.runs().get(i).hash(), i);
                }
            } else {
                indexOf = PlanReport.indices(plan);
                printPlan(ctx, plan, expansion.runs(), indexOf);
            }
            ctx.out().print(preview(expansion.runs(), limit, indexOf).toText());
            if (expansion.runs().size() > limit) {
                ctx.out()
                        .println("(the first " + limit + " of "
                                + expansion.runs().size() + " runs; --all prints every run)");
            }
            return 0;
        }
        Database db = ctx.openForResults(true);
        ExpansionResult r;
        try {
            r = SweepStore.store(db, spec, text, expansion.runs(), line.hasOption("retire"));
        } catch (RunRepository.RetiresResults refused) {
            ExpansionPlan plan = refused.plan();
            ctx.err()
                    .println("expand: the edited " + file + " no longer holds "
                            + Plural.of(plan.retiredWithResults().size(), "run")
                            + " of sweep " + spec.name() + " that have results or a worker:");
            PlanReport.changedParameters(plan, expansion.runs())
                    .forEach(c -> ctx.err().println("  changed: " + c));
            ctx.err()
                    .print(PlanReport.retired(plan, expansion.runs(), PlanReport.indices(plan))
                            .toText());
            throw ExitException.wrongState("nothing written. To keep them, put their parameters back in " + file
                    + "; to retire them anyway (their metrics stay stored, and they come back when their"
                    + " parameters do), run: arraysweep expand " + file + " --retire");
        }
        ctx.writeTaskFiles(db, db.sweeps().require(spec.name()));
        ctx.out().printf("sweep %s: %s, expanded in %.0f ms%n", spec.name(), counts, ms);
        if (!r.changed()) {
            ctx.out().println("unchanged: the database already holds exactly these runs");
        } else {
            ctx.out()
                    .printf(
                            "%s: %s, %d kept at their indices, %d retired, %d revived%s%n",
                            r.created() ? "stored" : "updated",
                            Plural.of(r.added(), "new run"),
                            r.kept(),
                            r.retired(),
                            r.revived(),
                            r.extended() == 0
                                    ? ""
                                    : ", " + r.extended() + " extended (more epochs: they continue from their final"
                                            + " state, their epochs so far kept)");
        }
        ctx.out()
                .println("next: arraysweep run-local " + spec.name() + " --parallel 2   (or: arraysweep submit "
                        + spec.name() + ")");
        return 0;
    }

    /**
     * {@return the plan of storing the expansion against the stored sweep, or null when there is none}: a dry
     * run never creates a database, and loads the workers' journals first so that states are current
     */
    private static ExpansionPlan storedPlan(Context ctx, SweepSpec spec, String text, Expansion expansion) {
        if (!ctx.workspace().hasDatabase()) {
            return null;
        }
        Database db = ctx.openForResults(false);
        if (db.sweeps().find(spec.name()).isEmpty()) {
            return null;
        }
        return SweepStore.plan(db, spec, text, expansion.runs());
    }

    private static void printPlan(Context ctx, ExpansionPlan plan, List<ExpandedRun> runs, Map<String, Integer> idx) {
        ctx.out().println("against the stored sweep: " + PlanReport.counts(plan));
        PlanReport.changedParameters(plan, runs).forEach(c -> ctx.out().println("  changed: " + c));
        if (!plan.retired().isEmpty()) {
            ctx.out().println("would retire:");
            ctx.out().print(PlanReport.retired(plan, runs, idx).toText());
            if (!plan.retiredWithResults().isEmpty()) {
                ctx.out()
                        .println("expand would refuse: "
                                + plan.retiredWithResults().size()
                                + " of them have results (add --retire to retire them anyway)");
            }
        }
        if (!plan.changed()) {
            ctx.out().println("unchanged: the database already holds exactly these runs");
        }
    }

    /** A table of runs showing only the parameters that vary between them. */
    static Table preview(List<ExpandedRun> runs, int limit, Map<String, Integer> indexOf) {
        Set<String> varying = new LinkedHashSet<>();
        if (!runs.isEmpty()) {
            for (String key : runs.get(0).params().asMap().keySet()) {
                Object first = runs.get(0).params().asMap().get(key);
                if (runs.stream()
                        .anyMatch(r -> !Objects.equals(r.params().asMap().get(key), first))) {
                    varying.add(key);
                }
            }
            runs.forEach(r -> r.params().asMap().keySet().stream()
                    .filter(k -> !runs.get(0).params().has(k))
                    .forEach(varying::add));
        }
        List<String> cols = new ArrayList<>(List.of("#", "hash"));
        cols.addAll(varying);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, runs.size()); i++) {
            ExpandedRun r = runs.get(i);
            List<Object> row = new ArrayList<>(
                    List.of(indexOf.getOrDefault(r.hash(), i), r.params().shortHash()));
            for (String k : varying) {
                Object v = r.params().asMap().get(k);
                row.add(v == null ? (r.params().has(k) ? "null" : "-") : v);
            }
            rows.add(row);
        }
        return new Table(cols, rows);
    }
}
