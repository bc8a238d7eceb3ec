package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Version;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.params.DidYouMean;
import dev.arraysweep.db.repo.Database;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** The {@code arraysweep} command: dispatches to one subcommand and is the only place that exits. */
public final class Main {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Main(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.clock = clock;
        for (Command c : Commands.all()) {
            commands.put(c.name(), c);
        }
    }

    public static void main(String[] args) {
        int code = new Main(System.out, System.err, System.getenv(), Clock.systemUTC()).run(args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit status. */
    public int run(String... given) {
        String[] args = globalFlagsAfterCommand(given);
        if (args.length > 0 && List.of("--version", "-V", "version").contains(args[0])) {
            out.println("arraysweep " + Version.current());
            return 0;
        }
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            if (args.length > 1 && commands.containsKey(args[1])) {
                printHelp(commands.get(args[1]));
            } else {
                printCommands(out);
            }
            return 0;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            err.println("arraysweep: unknown command '" + args[0] + "'" + DidYouMean.hint(args[0], commands.keySet()));
            printCommands(err);
            return ExitException.BAD_INPUT;
        }
        Options options = withGlobal(command.options());
        try {
            CommandLine line;
            try {
                line = new DefaultParser().parse(options, Arrays.copyOfRange(args, 1, args.length));
            } catch (ParseException e) {
                throw ExitException.badInput(e.getMessage() + "\nsee `arraysweep help " + command.name() + "`");
            }
            if (line.hasOption("help")) {
                printHelp(command);
                return 0;
            }
            Workspace ws = Workspace.resolve(line.getOptionValue("workdir"), line.getOptionValue("db"), env);
            Database.describeProcess("arraysweep " + command.name());
            Context ctx = new Context(out, err, env, clock, ws);
            try {
                return command.run(line, ctx);
            } finally {
                ctx.closeDatabases();
            }
        } catch (ExitException e) {
            err.println("arraysweep " + command.name() + ": " + e.getMessage());
            return e.exitCode();
        } catch (Exception e) {
            var lost = Database.connectionLost(e);
            if (lost.isPresent()) {
                err.println("arraysweep " + command.name() + ": " + lost.get());
                return ExitException.FAILURE;
            }
            err.println("arraysweep " + command.name() + ": internal error: " + e);
            e.printStackTrace(err);
            return ExitException.FAILURE;
        }
    }

    /** Flags every command takes, with a value: they may come before the command as well as after it. */
    private static final List<String> GLOBAL_WITH_VALUE = List.of("--workdir", "--db");

    /**
     * {@return the arguments with global flags given before the command ({@code arraysweep --workdir X status})
     * moved after it}, as every command parses them there
     */
    static String[] globalFlagsAfterCommand(String[] args) {
        List<String> global = new ArrayList<>();
        int i = 0;
        while (i < args.length) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (!GLOBAL_WITH_VALUE.contains(name)) {
                break;
            }
            global.add(a);
            if (!a.contains("=") && i + 1 < args.length) {
                global.add(args[i + 1]);
                i++;
            }
            i++;
        }
        if (global.isEmpty() || i >= args.length) {
            return args;
        }
        List<String> out = new ArrayList<>();
        out.add(args[i]);
        out.addAll(global);
        out.addAll(Arrays.asList(args).subList(i + 1, args.length));
        return out.toArray(new String[0]);
    }

    private static Options withGlobal(Options own) {
        Options o = new Options();
        own.getOptions().forEach(o::addOption);
        o.addOption(Option.builder()
                .longOpt("workdir")
                .hasArg()
                .argName("DIR")
                .desc("work directory (default $ARRAYSWEEP_WORKDIR or ./" + Workspace.DEFAULT_WORKDIR + ")")
                .build());
        o.addOption(Option.builder()
                .longOpt("db")
                .hasArg()
                .argName("JDBC_URL")
                .desc("results database (default $ARRAYSWEEP_DB or the H2 file in the work directory)")
                .build());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
        return o;
    }

    private void printCommands(PrintStream to) {
        to.println("usage: arraysweep COMMAND [flags]   (arraysweep help COMMAND for its flags; --version)");
        to.println();
        for (Command c : commands.values()) {
            to.printf("  %-10s %s%n", c.name(), c.summary());
        }
    }

    private void printHelp(Command c) {
        PrintWriter pw = new PrintWriter(out, true);
        new HelpFormatter()
                .printHelp(
                        pw,
                        100,
                        "arraysweep " + c.name() + " " + c.usage(),
                        c.summary(),
                        withGlobal(c.options()),
                        2,
                        2,
                        "",
                        false);
        pw.flush();
    }

    /** {@return the registered command names, in help order} */
    List<String> commandNames() {
        return List.copyOf(commands.keySet());
    }
}
