package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.repo.DbPassword;
import dev.arraysweep.orchestrator.server.DbServer;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code arraysweep db serve [--port N] [--bind ADDR] [--password-file F]}: serves the work directory's
 * database over H2's TCP protocol and prints the URL to give workers; runs until interrupted.
 */
final class DbServeCommand implements DbCommand.Subcommand {
    /** H2's usual TCP port. */
    static final int DEFAULT_PORT = 9092;

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String usage() {
        return "[--port N] [--bind ADDR] [--password-file F]";
    }

    @Override
    public String summary() {
        return "serve the results database over TCP to workers on other nodes, until interrupted";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder()
                        .longOpt("port")
                        .hasArg()
                        .argName("N")
                        .desc("TCP port (default " + DEFAULT_PORT + ")")
                        .build())
                .addOption(Option.builder()
                        .longOpt("bind")
                        .hasArg()
                        .argName("ADDR")
                        .desc("address to listen on (default localhost: this machine only); an interface's address"
                                + " or host name, or 0.0.0.0, lets compute nodes in (needs --password-file)")
                        .build())
                .addOption(Option.builder()
                        .longOpt("password-file")
                        .hasArg()
                        .argName("F")
                        .desc("file whose first line is the database password; workers read the same file"
                                + " through ARRAYSWEEP_DB_PASSWORD_FILE")
                        .build());
    }

    @Override
    public int run(List<String> args, CommandLine line, Context ctx) {
        if (!args.isEmpty()) {
            throw ExitException.badInput("arraysweep db serve takes no arguments besides its flags; got " + args);
        }
        if (!ctx.workspace().embedded()) {
            throw ExitException.badInput("db serve serves the H2 file of the work directory, but --db or ARRAYSWEEP_DB"
                    + " names " + ctx.workspace().dbUrl() + "; leave them out and choose the folder with --workdir");
        }
        int port = Flags.positiveInt(line, "port", DEFAULT_PORT);
        String bind = line.getOptionValue("bind", "localhost");
        String passwordFile = line.getOptionValue("password-file");
        String password = passwordFile == null ? "" : DbPassword.read(Path.of(passwordFile));
        try (DbServer server = DbServer.start(
                ctx.workspace().root(), port, bind, password, passwordFile == null ? null : Path.of(passwordFile))) {
            Foreground.serveUntilStopped(server, "arraysweep-db-serve-stop", () -> {
                server.notes().forEach(n -> ctx.out().println("note: " + n));
                ctx.out().println("serving " + ctx.workspace().root() + " on port " + server.port() + "; workers use");
                ctx.out().println("  " + server.url());
                ctx.out()
                        .println("set it as slurm.db_url in the sweep (or ARRAYSWEEP_DB / --db for arraysweep commands)"
                                + (passwordFile == null
                                        ? ""
                                        : ", with ARRAYSWEEP_DB_PASSWORD_FILE="
                                                + Path.of(passwordFile).toAbsolutePath())
                                + "; stop with Ctrl-C");
                ctx.out().flush();
            });
        }
        ctx.out().println("stopped serving " + ctx.workspace().root());
        return 0;
    }
}
