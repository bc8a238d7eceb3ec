package dev.arraysweep.worker.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Version;
import dev.arraysweep.db.repo.Database;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.Options;

/**
 * The {@code worker} command ({@code run}, {@code models}, {@code doctor}, {@code bench}, {@code help},
 * {@code version}); the only place that exits. DJL's network switches and the CUDA probe's logging are set here,
 * before any engine class loads. {@code -h}/{@code --help} on any command prints its help and exits 0;
 * an unknown command or flag exits 2 and says where to look.
 */
public final class WorkerMain {
    private static final CommandHelp HELP_HELP = CommandHelp.of(
            "help", "show the commands, or one command's usage and options", "worker help [COMMAND]", new Options());
    private static final CommandHelp VERSION_HELP = CommandHelp.of(
            "version",
            "print the arraysweep version of this worker",
            "worker version (or worker --version)",
            new Options());

    /** Every command's help, in the order {@code worker help} lists them. */
    static final Map<String, CommandHelp> COMMANDS = commands();

    private WorkerMain() {}

    private static Map<String, CommandHelp> commands() {
        Map<String, CommandHelp> m = new LinkedHashMap<>();
        for (CommandHelp h : new CommandHelp[] {
            RunCommand.HELP, ModelsCommand.HELP, DoctorCommand.HELP, BenchCommand.HELP, HELP_HELP, VERSION_HELP
        }) {
            m.put(h.name(), h);
        }
        return m;
    }

    public static void main(String[] args) {
        NoNetwork.apply(System.getenv());
        CudaWarnings.quietWithoutGpu(Path.of("/"));
        int code = run(args, System.out, System.err, System.getenv());
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        NoNetwork.apply(env);
        String cmd = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        try {
            if (cmd.equals("-h") || cmd.equals("--help")) {
                return help(rest, out);
            }
            if (cmd.equals("--version") || cmd.equals("-V")) {
                cmd = "version";
            }
            if (COMMANDS.containsKey(cmd) && CommandHelp.asksForHelp(rest)) {
                COMMANDS.get(cmd).print(out);
                return 0;
            }
            return switch (cmd) {
                case "run" -> RunCommand.run(rest, out, env);
                case "models" -> ModelsCommand.run(rest, out);
                case "doctor" -> DoctorCommand.run(rest, out, env);
                case "bench" -> BenchCommand.run(rest, out, err);
                case "help" -> help(rest, out);
                case "version" -> {
                    VERSION_HELP.parse(rest);
                    out.println("arraysweep worker " + Version.current());
                    yield 0;
                }
                default -> throw ExitException.badInput((cmd.startsWith("-") ? "unknown option '" : "unknown command '")
                        + cmd + "'; the commands are " + String.join(", ", COMMANDS.keySet()) + " (see 'worker help')");
            };
        } catch (ExitException e) {
            err.println((COMMANDS.containsKey(cmd) ? "worker " + cmd : "worker") + ": " + e.getMessage());
            return e.exitCode();
        } catch (Exception e) {
            var lost = Database.connectionLost(e);
            if (lost.isPresent()) {
                err.println("worker " + cmd + ": " + lost.get());
                return ExitException.FAILURE;
            }
            err.println("worker " + cmd + ": internal error: " + e);
            e.printStackTrace(err);
            return ExitException.FAILURE;
        }
    }

    /** {@code worker help [COMMAND]}: the command list, or one command's help. */
    private static int help(String[] rest, PrintStream out) {
        if (rest.length == 0) {
            usage(out);
            return 0;
        }
        CommandHelp h = COMMANDS.get(rest[0]);
        if (h == null || rest.length > 1) {
            throw ExitException.badInput((h == null ? "no command '" + rest[0] + "'" : "too many arguments")
                    + "; usage: worker help [COMMAND], COMMAND one of " + String.join(", ", COMMANDS.keySet()));
        }
        h.print(out);
        return 0;
    }

    private static void usage(PrintStream out) {
        out.println("usage: worker COMMAND [options]   (arraysweep " + Version.current() + ")");
        out.println();
        out.println("commands:");
        COMMANDS.values().forEach(h -> CommandHelp.wrap(out, String.format("  %-8s ", h.name()), h.summary()));
        out.println();
        out.println("'worker COMMAND --help' or 'worker help COMMAND' shows a command's usage and options;");
        out.println("'worker --version' prints the version.");
    }
}
