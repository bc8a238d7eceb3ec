package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.repo.Compaction;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code arraysweep db compact}: rewrites the work directory's embedded database into a compact file through
 * SQL ({@link Compaction}), keeping the old file as a backup.
 */
final class DbCompactCommand implements DbCommand.Subcommand {
    @Override
    public String name() {
        return "compact";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String summary() {
        return "rewrite the embedded database into a compact file (nothing may have it open; the old file is"
                + " kept as a backup)";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(List<String> args, CommandLine line, Context ctx) {
        if (!args.isEmpty()) {
            throw ExitException.badInput("db compact takes no arguments; got " + args);
        }
        if (!ctx.workspace().embedded()) {
            throw ExitException.badInput("db compact works on a work directory's embedded database, not on "
                    + ctx.workspace().dbUrl() + "; stop the server and run it with --workdir DIR, without --db");
        }
        Compaction.Result r = Compaction.compact(ctx.workspace().root(), ctx.clock());
        long rows =
                r.rowsPerTable().values().stream().mapToLong(Long::longValue).sum();
        ctx.out()
                .printf(
                        Locale.ROOT,
                        "compacted %s: %.1f MB -> %.1f MB, %d rows in %d tables, the same before and" + " after%n",
                        ctx.workspace().databaseFileOnDisk(),
                        r.bytesBefore() / 1e6,
                        r.bytesAfter() / 1e6,
                        rows,
                        r.rowsPerTable().size());
        ctx.out().println("the old file is kept as " + r.backup() + "; delete it once you are satisfied");
        return 0;
    }
}
