package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Plural;
import dev.arraysweep.db.journal.JournalIngest;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.model.Sweep;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.orchestrator.local.LocalRunner;
import dev.arraysweep.orchestrator.slurm.RunSelection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code arraysweep run-local SWEEP --parallel N}: runs the sweep's array on this machine without Slurm. */
final class RunLocalCommand implements Command {
    @Override
    public String name() {
        return "run-local";
    }

    @Override
    public String usage() {
        return "SWEEP [--parallel N] [--retry] [--indices 0-3,7]";
    }

    @Override
    public String summary() {
        return "run the sweep's pending array tasks here, as worker processes, without Slurm";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder()
                        .longOpt("parallel")
                        .hasArg()
                        .argName("N")
                        .desc("worker processes at once (default 1)")
                        .build())
                .addOption(Option.builder()
                        .longOpt("retry")
                        .desc("also rerun failed runs")
                        .build())
                .addOption(Option.builder()
                        .longOpt("indices")
                        .hasArg()
                        .argName("LIST")
                        .desc("only these array indices, e.g. 0-3,7")
                        .build());
    }

    @Override
    public int run(CommandLine line, Context ctx) throws Exception {
        String name = Flags.sweepName(line, "arraysweep run-local demo --parallel 2");
        int parallel = Flags.positiveInt(line, "parallel", 1);
        Database db = ctx.openDatabase();
        new JournalIngest(db).ingestAll(ctx.workspace().root().resolve("runs"));
        Sweep sweep = db.sweeps().require(name);
        // workers of an earlier run-local that were killed: run them again (a lock per run: few, however stale)
        Orphans.markLost(ctx, db, sweep.id(), true);
        List<Integer> todo = db.runs().indicesIn(sweep.id(), RunState.toRun(line.hasOption("retry")));
        if (line.hasOption("indices")) {
            List<Integer> only = Flags.indexList(line.getOptionValue("indices"));
            RunSelection.requireInSweep(db.runs().bySweep(sweep.id()), only);
            todo.retainAll(only);
        }
        if (todo.isEmpty()) {
            throw ExitException.wrongState(
                    "nothing to run in sweep '" + name + "': no run is pending, preempted or lost"
                            + (line.hasOption("retry") ? " or failed" : " (failed runs rerun with --retry)")
                            + "; `arraysweep status " + name + "` shows where it stands");
        }
        ctx.writeTaskFiles(db, sweep);
        Map<Integer, Integer> epochs = new LinkedHashMap<>();
        Map<Integer, Integer> totalByIndex =
                db.runs().bySweep(sweep.id()).stream().collect(Collectors.toMap(Run::arrayIndex, Run::epochsTotal));
        todo.forEach(i -> epochs.put(i, totalByIndex.getOrDefault(i, 0)));
        ctx.out().printf("running %s of %s, %d at a time%n", Plural.of(todo.size(), "run"), name, parallel);
        // Workers start from their task files and journal; with the embedded database they never open it, so
        // this command lets it go while they train: `status`, `report` and the rest can use it meanwhile.
        ctx.closeDatabases();
        Map<Integer, Integer> exits =
                new LocalRunner(ctx.workspace(), ctx.env(), ctx.out()).run(name, epochs, parallel);
        int lost = 0;
        try {
            Database after = ctx.openDatabase();
            new JournalIngest(after).ingestAll(ctx.workspace().root().resolve("runs"));
            lost = Orphans.markLost(ctx, after, sweep.id(), true); // a worker killed (out of memory, kill -9)
        } catch (RuntimeException e) {
            ctx.err()
                    .println("warning: could not load the workers' journals into the database now ("
                            + Database.connectionLost(e).orElse(e.getMessage())
                            + "); `arraysweep status` or `ingest` will");
        }
        long refused = exits.values().stream()
                .filter(c -> c == ExitException.WRONG_STATE)
                .count();
        long failed = exits.values().stream()
                        .filter(c -> c != 0 && c != ExitException.WRONG_STATE)
                        .count()
                - lost;
        ctx.out()
                .printf(
                        "%d of %s finished ok%s%s%s%n",
                        exits.size() - failed - refused - lost,
                        Plural.of(exits.size(), "run"),
                        refused > 0
                                ? "; " + refused + " not started (another worker had them, or they were done: see their"
                                        + " logs)"
                                : "",
                        lost > 0 ? "; " + lost + " lost (the worker was killed; run-local again resumes it)" : "",
                        failed > 0
                                ? "; " + failed + " failed or diverged (arraysweep sql \"SELECT array_index, state,"
                                        + " error_text FROM run WHERE state IN ('failed', 'diverged')\")"
                                : "");
        return failed + lost > 0 ? ExitException.FAILURE : 0;
    }
}
