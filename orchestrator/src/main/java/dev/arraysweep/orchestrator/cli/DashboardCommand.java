package dev.arraysweep.orchestrator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.FlagValues;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.orchestrator.dashboard.DashboardApi;
import dev.arraysweep.orchestrator.dashboard.DashboardBench;
import dev.arraysweep.orchestrator.dashboard.DashboardServer;
import dev.arraysweep.orchestrator.dashboard.DatabaseReader;
import dev.arraysweep.orchestrator.dashboard.ShortHoldReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code arraysweep dashboard [--port N] [--bind ADDR] [--token-file F]}: serves the dashboard (a web page over the
 * results, live) until interrupted, and prints its URL; {@code --bench} times its data endpoints instead.
 */
final class DashboardCommand implements Command {
    @Override
    public String name() {
        return "dashboard";
    }

    @Override
    public String usage() {
        return "[--port N] [--bind ADDR] [--token-file F]  |  --bench [--runs N] [--epochs N]";
    }

    @Override
    public String summary() {
        return "serve a live web dashboard of the sweeps and their results (offline; prints the URL)";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder()
                        .longOpt("port")
                        .hasArg()
                        .argName("N")
                        .desc("TCP port (default " + DashboardServer.DEFAULT_PORT + "; 0: any free port)")
                        .build())
                .addOption(Option.builder()
                        .longOpt("bind")
                        .hasArg()
                        .argName("ADDR")
                        .desc("address to listen on (default localhost: this machine only); another address"
                                + " needs --token-file")
                        .build())
                .addOption(Option.builder()
                        .longOpt("token-file")
                        .hasArg()
                        .argName("F")
                        .desc("file whose first line is the token every request must carry (the printed URL"
                                + " has it)")
                        .build())
                .addOption(Option.builder()
                        .longOpt("bench")
                        .desc("instead: fill a temporary work directory and time the run table and curve"
                                + " endpoints (prints JSON)")
                        .build())
                .addOption(Option.builder()
                        .longOpt("runs")
                        .hasArg()
                        .argName("N")
                        .desc("with --bench: runs of the sweep (default 1000)")
                        .build())
                .addOption(Option.builder()
                        .longOpt("epochs")
                        .hasArg()
                        .argName("N")
                        .desc("with --bench: epochs per run (default 300)")
                        .build());
    }

    @Override
    public int run(CommandLine line, Context ctx) throws Exception {
        if (!line.getArgList().isEmpty()) {
            throw ExitException.badInput("arraysweep dashboard takes no arguments besides its flags; got "
                    + line.getArgList() + " (pick a sweep on the page)");
        }
        if (line.hasOption("bench")) {
            return bench(line, ctx);
        }
        String portText = line.getOptionValue("port");
        int port = portText == null
                ? DashboardServer.DEFAULT_PORT
                : FlagValues.atLeast(0, "port", portText.strip(), "a TCP port (1-65535, or 0 for any free port)");
        String bind = line.getOptionValue("bind", "localhost");
        String token = line.hasOption("token-file") ? token(Path.of(line.getOptionValue("token-file"))) : null;
        if (!ctx.workspace().hasDatabase()) {
            throw ExitException.wrongState(ctx.noDatabase());
        }
        try (DashboardServer server = start(ctx, port, bind, token)) {
            Foreground.serveUntilStopped(server, "arraysweep-dashboard-stop", () -> {
                ctx.out().println("dashboard of " + ctx.workspace().root() + " at");
                ctx.out().println("  " + server.url());
                ctx.out()
                        .println(
                                "it only reads, and holds the database at most a second per poll cycle. Stop with Ctrl-C");
                ctx.out().flush();
            });
        }
        return 0;
    }

    /**
     * {@return the dashboard of {@code ctx}'s work directory, serving} The database is opened as {@code status}
     * opens it, journals ingested first, serves the requests of one short poll cycle ({@link ShortHoldReader#HOLD})
     * and is closed ({@link Context#closeDatabases}), so workers' ingest and other commands are never locked out
     * for longer than that.
     */
    static DashboardServer start(Context ctx, int port, String bind, String token) {
        DatabaseReader reader = new ShortHoldReader(
                () -> ctx.openIngested(false).db(), db -> ctx.closeDatabases(), ShortHoldReader.HOLD);
        return DashboardServer.start(new DashboardApi(reader, ctx.workspace()), port, bind, token);
    }

    private static String token(Path file) {
        try {
            String first =
                    Files.readAllLines(file).stream().findFirst().orElse("").strip();
            if (first.isEmpty()) {
                throw ExitException.badInput("--token-file " + file + " is empty; write a token on its first line,"
                        + " e.g. head -c 24 /dev/urandom | base64 > " + file);
            }
            return first;
        } catch (NoSuchFileException e) {
            throw ExitException.badInput("--token-file " + file + " does not exist; write a token on its first line,"
                    + " e.g. head -c 24 /dev/urandom | base64 > " + file);
        } catch (IOException e) {
            throw ExitException.badInput("cannot read --token-file " + file + ": " + e.getMessage());
        }
    }

    private static int bench(CommandLine line, Context ctx) throws IOException, InterruptedException {
        int runs = Flags.positiveInt(line, "runs", 1000);
        int epochs = Flags.positiveInt(line, "epochs", 300);
        Path dir = Files.createTempDirectory("arraysweep-dashboard-bench");
        try {
            Workspace ws = Workspace.resolve(dir.toString(), null, Map.of());
            Map<String, Object> figures = DashboardBench.run(ws, ctx.clock(), ctx.err(), runs, epochs);
            ctx.out()
                    .println(new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(figures));
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }
}
