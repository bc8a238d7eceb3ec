package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.ExpansionResult;
import dev.arraysweep.orchestrator.grid.ExpandedRun;
import dev.arraysweep.orchestrator.grid.Expander;
import dev.arraysweep.orchestrator.grid.Expansion;
import dev.arraysweep.orchestrator.grid.SweepParser;
import dev.arraysweep.orchestrator.grid.SweepSpec;
import dev.arraysweep.orchestrator.sweep.SweepStore;
import dev.arraysweep.orchestrator.table.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
        return "SWEEP.yaml [--dry-run]";
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
        String counts = String.format(
                "%d runs (%d combinations, %d excluded, %d merged as equivalent)",
                expansion.runs().size(), expansion.combinations(), expansion.excluded(), expansion.merged());
        if (line.hasOption("dry-run")) {
            ctx.out().println("sweep " + spec.name() + ": " + counts + "; nothing written (dry run)");
            ctx.out()
                    .print(preview(expansion.runs(), line.hasOption("all") ? Integer.MAX_VALUE : DRY_RUN_ROWS)
                            .toText());
            return 0;
        }
        Database db = ctx.openDatabase();
        ExpansionResult r = SweepStore.store(db, spec, text, expansion.runs());
        ctx.writeTaskFiles(db, db.sweeps().require(spec.name()));
        ctx.out().printf("sweep %s: %s, expanded in %.0f ms%n", spec.name(), counts, ms);
        if (!r.changed()) {
            ctx.out().println("unchanged: the database already holds exactly these runs");
        } else {
            ctx.out()
                    .printf(
                            "%s: %d new runs, %d kept at their indices, %d retired, %d revived%n",
                            r.created() ? "stored" : "updated", r.added(), r.kept(), r.retired(), r.revived());
        }
        ctx.out()
                .println("next: arraysweep run-local " + spec.name() + " --parallel 2   (or: arraysweep submit "
                        + spec.name() + ")");
        return 0;
    }

    /** A table of runs showing only the parameters that vary between them. */
    static Table preview(List<ExpandedRun> runs, int limit) {
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
            List<Object> row = new ArrayList<>(List.of(i, r.params().shortHash()));
            for (String k : varying) {
                Object v = r.params().asMap().get(k);
                row.add(v == null ? (r.params().has(k) ? "null" : "-") : v);
            }
            rows.add(row);
        }
        return new Table(cols, rows);
    }
}
