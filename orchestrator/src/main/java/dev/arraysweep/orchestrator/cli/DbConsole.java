package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.repo.AccessLock;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.orchestrator.server.WebConsole;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code arraysweep db console [--port N]}: H2's web console on this machine until Ctrl-C. */
final class DbConsole implements DbCommand.Subcommand {
    private static final int DEFAULT_PORT = 8082;

    @Override
    public String name() {
        return "console";
    }

    @Override
    public String usage() {
        return "[--port N]";
    }

    @Override
    public String summary() {
        return "H2's web console on localhost for ad-hoc SQL, until Ctrl-C";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder()
                        .longOpt("port")
                        .hasArg()
                        .argName("N")
                        .desc("web console port (default " + DEFAULT_PORT + ")")
                        .build());
    }

    @Override
    public int run(List<String> args, CommandLine line, Context ctx) throws Exception {
        if (!args.isEmpty()) {
            throw ExitException.badInput("db console takes no arguments, only --port N; got " + args);
        }
        int port = Flags.positiveInt(line, "port", DEFAULT_PORT);
        if (port > 65535) {
            throw ExitException.badInput("--port must be at most 65535, not " + port);
        }
        // the console opens the file in this process: other commands wait for it until Ctrl-C
        AccessLock lock = ctx.workspace().embedded()
                ? AccessLock.hold(Workspace.databaseFile(ctx.workspace().root()), "arraysweep db console")
                : null;
        WebConsole console;
        try {
            console = WebConsole.start(port);
        } catch (SQLException e) {
            throw ExitException.failure(
                    "cannot start the H2 console on port " + port + ": " + e.getMessage()
                            + "\n(is another console running? choose another port with --port N)",
                    e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(console::close, "h2-console-stop"));
        if (lock != null) {
            ctx.out()
                    .println("note: other arraysweep commands on this work directory wait while the console runs;"
                            + " for both at once, use `arraysweep db serve` and log in with the URL it prints");
        }
        ctx.out().println("H2 console: " + console.url() + "   (this machine only; Ctrl-C stops it)");
        ctx.out().println("Log in with");
        // embedded: the settings this process opens it with, so the console's login never compacts it on close
        ctx.out()
                .println("  JDBC URL:  "
                        + (lock != null
                                ? Database.keepOpenInProcess(ctx.workspace().dbUrl())
                                : ctx.workspace().dbUrl()));
        ctx.out().println("  User Name: " + ctx.env().getOrDefault("ARRAYSWEEP_DB_USER", "sa"));
        ctx.out()
                .println("  Password:  "
                        + (ctx.env().containsKey("ARRAYSWEEP_DB_PASSWORD_FILE")
                                ? "the one in $ARRAYSWEEP_DB_PASSWORD_FILE"
                                : "(empty)"));
        ctx.out().println("Views: runs, run_results, final_metrics, curves, twins");
        if (!console.loopbackOnly()) {
            ctx.out()
                    .println("note: H2 was loaded before the console, so it listens on every interface;"
                            + " it still refuses connections from other machines");
        }
        ctx.out().flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
