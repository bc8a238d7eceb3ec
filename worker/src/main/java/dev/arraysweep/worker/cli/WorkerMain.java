package dev.arraysweep.worker.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.repo.Database;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * The {@code worker} command ({@code run}, {@code models}, {@code doctor}, {@code bench}); the only place that exits.
 * DJL's network switches are set here, before any engine class loads.
 */
public final class WorkerMain {
    private WorkerMain() {}

    public static void main(String[] args) {
        NoNetwork.apply(System.getenv());
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
            return switch (cmd) {
                case "run" -> RunCommand.run(rest, out, env);
                case "models" -> ModelsCommand.run(rest, out);
                case "doctor" -> DoctorCommand.run(rest, out, env);
                case "bench" -> BenchCommand.run(rest, out, err);
                case "help", "--help", "-h" -> {
                    usage(out);
                    yield 0;
                }
                default -> {
                    err.println("worker: unknown command '" + cmd + "'");
                    usage(err);
                    yield ExitException.BAD_INPUT;
                }
            };
        } catch (ExitException e) {
            err.println("worker " + cmd + ": " + e.getMessage());
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

    private static void usage(PrintStream out) {
        out.println("usage: worker COMMAND [flags]");
        out.println("  run --sweep NAME [--index N]   train one run (index defaults to SLURM_ARRAY_TASK_ID)");
        out.println("  models [--dataset D]            list models with their trainable parameter counts");
        out.println("  doctor                          show engine, libtorch, device and what to set when offline");
        out.println("  bench [--device cpu|gpu] [--model M,...] [--batch N] [--steps N] [--out FILE]");
        out.println("                                  time the training loop, selection and filtering; print JSON");
    }
}
