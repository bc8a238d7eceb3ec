package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.journal.JournalIngest;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.orchestrator.status.SweepProgress;
import dev.arraysweep.orchestrator.table.Table;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code arraysweep status [SWEEP]}: ingests journals, then shows per sweep the runs per state and progress. */
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
        Database db = ctx.openDatabase();
        JournalIngest.Result ingested = new JournalIngest(db).ingestAll(ctx.workspace().root().resolve("runs"));
        if (ingested.metricRows() > 0 || ingested.stateChanges() > 0) {
            ctx.out().printf("ingested %d metric rows and %d state changes from %d journals%n",
                    ingested.metricRows(), ingested.stateChanges(), ingested.files());
        }
        List<SweepProgress> all = SweepProgress.load(db, sweep);
        if (all.isEmpty()) {
            if (sweep != null) {
                throw ExitException.badInput("no sweep called '" + sweep + "' in " + db.url()
                        + "; `arraysweep status` lists every sweep");
            }
            ctx.out().println("no sweeps yet: `arraysweep expand sweeps/demo.yaml` stores one");
            return 0;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (SweepProgress p : all) {
            rows.add(List.of(p.sweep(), p.count(RunState.DONE), p.count(RunState.RUNNING), p.count(RunState.PENDING),
                    p.count(RunState.FAILED), p.count(RunState.PREEMPTED), p.count(RunState.LOST),
                    p.count(RunState.RETIRED), p.epochsDone() + "/" + p.epochsTotal(), p.bar(20), p.etaText()));
        }
        ctx.out().print(new Table(List.of("sweep", "done", "running", "pending", "failed", "preempted", "lost",
                "retired", "epochs", "progress", "eta"), rows).toText());
        return 0;
    }
}
