package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.orchestrator.table.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.h2.api.ErrorCode;

/**
 * {@code arraysweep sql "SELECT ..."}: runs one statement and prints its result as a table, CSV or JSON.
 * Read-only unless {@code --write}: only queries are accepted, inside a transaction that is rolled back. Loads
 * the workers' journals first, as the other results commands do, unless {@code --as-is}.
 */
final class SqlCommand implements Command {
    @Override
    public String name() {
        return "sql";
    }

    @Override
    public String usage() {
        return "\"SELECT ...\" [--csv | --json] [--write]";
    }

    @Override
    public String summary() {
        return "run SQL over the results (views: runs, run_results, final_metrics, curves, twins)";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("csv").desc("print CSV").build())
                .addOption(Option.builder().longOpt("json").desc("print JSON").build())
                .addOption(Option.builder()
                        .longOpt("write")
                        .desc("allow statements that change data")
                        .build())
                .addOption(Option.builder()
                        .longOpt("as-is")
                        .desc("do not load the workers' journals first: the" + " database as it is")
                        .build());
    }

    @Override
    public int run(CommandLine line, Context ctx) throws SQLException {
        List<String> args = line.getArgList();
        if (args.size() != 1) {
            throw ExitException.badInput("expected exactly one SQL statement in quotes, e.g."
                    + " arraysweep sql \"SELECT * FROM run_results\"; got " + args.size() + " arguments");
        }
        String sql = args.get(0);
        boolean write = line.hasOption("write");
        // workers journal; what they finished is in the tables only once the journals are loaded
        Database db = line.hasOption("as-is") ? ctx.openExistingDatabase() : ctx.openForResults(false);
        Table table = db.jdbi().<Table, SQLException>withHandle(h -> {
            var c = h.getConnection();
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                if (write) {
                    boolean isQuery = st.execute(sql);
                    Table t = isQuery
                            ? read(st.getResultSet())
                            : new Table(List.of("updated"), List.of(List.of((Object) st.getUpdateCount())));
                    c.commit();
                    return t;
                }
                try (ResultSet rs = st.executeQuery(sql)) {
                    return read(rs);
                } finally {
                    c.rollback();
                }
            } catch (SQLException e) {
                c.rollback();
                throw sqlError(e, write);
            } finally {
                c.setAutoCommit(true); // JDBI refuses to close a handle whose connection is still in a transaction
            }
        });
        String format =
                line.hasOption("json") ? table.toJson() : line.hasOption("csv") ? table.toCsv() : table.toText();
        ctx.out().print(format);
        return 0;
    }

    private static ExitException sqlError(SQLException e, boolean write) {
        String msg = e.getMessage();
        int cut = msg.indexOf("; SQL statement:");
        String shortMsg = cut > 0 ? msg.substring(0, cut) : msg;
        if (!write && e.getErrorCode() == ErrorCode.METHOD_ONLY_ALLOWED_FOR_QUERY) {
            return ExitException.badInput("the database is opened read-only and this statement is not a query;"
                    + " pass --write to change data");
        }
        return ExitException.badInput("SQL error: " + shortMsg
                + "\n(views: runs, run_results, final_metrics, curves, twins; tables: sweep, run, run_param, epoch_metric,"
                + " run_event; `arraysweep sql \"SHOW COLUMNS FROM run_results\"` lists columns)");
    }

    static Table read(ResultSet rs) throws SQLException {
        return Table.read(rs);
    }
}
