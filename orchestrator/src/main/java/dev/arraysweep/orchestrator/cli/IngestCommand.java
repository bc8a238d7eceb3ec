package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.Plural;
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
                        "ingested %s (%s, %s) from %s%s%n",
                        Plural.of(r.events(), "event"),
                        Plural.of(r.metricRows(), "metric row"),
                        Plural.of(r.stateChanges(), "state change"),
                        Plural.of(r.files(), "journal"),
                        r.badLines() > 0 ? "; " + r.badLines() + " unreadable lines skipped" : "");
        return 0;
    }
}
