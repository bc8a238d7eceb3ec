package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.journal.JournalIngest;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code arraysweep ingest}: loads every worker journal into the database (idempotent). */
final class IngestCommand implements Command {
    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String summary() {
        return "load worker journals into the database (safe to repeat; status does it too)";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line, Context ctx) {
        JournalIngest.Result r = new JournalIngest(ctx.openDatabase())
                .ingestAll(ctx.workspace().root().resolve("runs"));
        ctx.out()
                .printf(
                        "ingested %d events (%d metric rows, %d state changes) from %d journals%s%n",
                        r.events(),
                        r.metricRows(),
                        r.stateChanges(),
                        r.files(),
                        r.badLines() > 0 ? "; " + r.badLines() + " unreadable lines skipped" : "");
        return 0;
    }
}
