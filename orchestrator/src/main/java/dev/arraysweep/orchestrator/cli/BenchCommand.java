package dev.arraysweep.orchestrator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Hosts;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.orchestrator.bench.OrchestratorBench;
import dev.arraysweep.orchestrator.bench.WorkerCrowdBench;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code arraysweep bench}: in a temporary work directory, times expanding a large grid, ingesting many
 * epoch rows from journals and {@code status} on a large sweep, and prints the figures as JSON.
 */
final class BenchCommand implements Command {
    private static final int STATUS_REPEATS = 3;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "[--runs N] [--epoch-rows N] [--status-runs N] [--keep] [--out FILE]"
                + "  |  --workers N [--epochs N] [--out FILE]";
    }

    @Override
    public String summary() {
        return "time expand, journal ingest and status on synthetic sweeps (prints JSON)";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder()
                        .longOpt("runs")
                        .hasArg()
                        .argName("N")
                        .desc("runs of the grid to expand (default 100000)")
                        .build())
                .addOption(Option.builder()
                        .longOpt("epoch-rows")
                        .hasArg()
                        .argName("N")
                        .desc("epoch metric rows to ingest from journals (default 1000000)")
                        .build())
                .addOption(Option.builder()
                        .longOpt("status-runs")
                        .hasArg()
                        .argName("N")
                        .desc("runs of the sweep the journals belong to and status is shown for (default 10000)")
                        .build())
                .addOption(Option.builder()
                        .longOpt("keep")
                        .desc("keep the temporary work directory (its path"
                                + " is printed) to time `arraysweep status --workdir DIR` as a fresh process")
                        .build())
                .addOption(Option.builder()
                        .longOpt("workers")
                        .hasArg()
                        .argName("N")
                        .desc("instead: N simulated workers at once (claim, heartbeat, two metric rows per epoch,"
                                + " finish) through db serve and journal-only; throughput, write latency, ingest"
                                + " and status time, rows checked exactly once")
                        .build())
                .addOption(Option.builder()
                        .longOpt("epochs")
                        .hasArg()
                        .argName("N")
                        .desc("epochs per simulated worker, with --workers (default 10)")
                        .build())
                .addOption(Option.builder()
                        .longOpt("out")
                        .hasArg()
                        .argName("FILE")
                        .desc("also write the JSON to FILE")
                        .build());
    }

    @Override
    public int run(CommandLine line, Context ctx) throws IOException {
        int runs = Flags.positiveInt(line, "runs", 100_000);
        int rows = Flags.positiveInt(line, "epoch-rows", 1_000_000);
        int statusRuns = Flags.positiveInt(line, "status-runs", 10_000);
        Path dir = Files.createTempDirectory("arraysweep-bench");
        Workspace ws = Workspace.resolve(dir.toString(), null, Map.of());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put(
                "machine",
                Map.of(
                        "cores",
                        Runtime.getRuntime().availableProcessors(),
                        "java",
                        System.getProperty("java.version"),
                        "load_average_at_start",
                        Hosts.loadAverage()));
        try {
            if (line.hasOption("workers")) {
                report.put(
                        "crowd",
                        new WorkerCrowdBench(dir, ctx.err())
                                .run(Flags.positiveInt(line, "workers", 500), Flags.positiveInt(line, "epochs", 10)));
                report.put("load_average_at_end", Hosts.loadAverage());
                return print(line, ctx, report);
            }
            OrchestratorBench bench = new OrchestratorBench(ws, ctx.clock(), ctx.err());
            report.put("expand", bench.expand(runs));
            report.put("ingest", bench.ingest(statusRuns, rows));
            report.put("status", status(ctx, dir, statusRuns));
            Map<String, Object> fresh = freshStatus(ctx, ws);
            if (fresh != null) {
                report.put("status_fresh_process", fresh);
            }
            report.put("load_average_at_end", Hosts.loadAverage());
        } catch (Exception e) {
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        } finally {
            if (line.hasOption("keep")) {
                ctx.err().println("bench: kept the work directory " + dir);
                report.put("workdir", dir.toString());
            } else {
                delete(dir);
            }
        }
        return print(line, ctx, report);
    }

    private static int print(CommandLine line, Context ctx, Map<String, Object> report) throws IOException {
        String json =
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        ctx.out().println(json);
        if (line.hasOption("out")) {
            Files.writeString(Path.of(line.getOptionValue("out")), json + "\n");
        }
        return 0;
    }

    private static final int FRESH_REPEATS = 5;

    /** Times the real {@code status} command, in this process, a few times (the first one pays class loading). */
    private static Map<String, Object> status(Context ctx, Path dir, int runs) {
        List<Double> seconds = new ArrayList<>();
        String shown = "";
        for (int i = 0; i < STATUS_REPEATS; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long t0 = System.nanoTime();
            int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), ctx.err(), ctx.env(), ctx.clock())
                    .run("status", "--workdir", dir.toString(), OrchestratorBench.STATUS_SWEEP);
            seconds.add(Math.round((System.nanoTime() - t0) / 1e6) / 1e3);
            shown = out.toString(StandardCharsets.UTF_8);
            if (code != 0) {
                throw new ExitException(
                        ExitException.FAILURE, "status failed in the benchmark work directory:\n" + shown, null);
            }
        }
        ctx.err().printf("bench status on %d runs: %s s%n", runs, seconds);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", runs);
        m.put("seconds_per_call", seconds);
        m.put("output", shown.lines().toList());
        return m;
    }

    /**
     * Times {@code bin/arraysweep status} as a new process, as a user runs it, after closing the database
     * here so that each process opens the file itself (the first call after a build also writes the launcher's
     * class-data archive). {@return the figures, or null when not started through {@code bin/arraysweep}}
     */
    private static Map<String, Object> freshStatus(Context ctx, Workspace ws) throws IOException {
        String home = System.getProperty("arraysweep.home");
        Path launcher = home == null ? null : Path.of(home, "bin", "arraysweep");
        if (launcher == null || !Files.isExecutable(launcher)) {
            return null;
        }
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < FRESH_REPEATS; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(
                            launcher.toString(),
                            "status",
                            "--workdir",
                            ws.root().toString(),
                            OrchestratorBench.STATUS_SWEEP)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            int code;
            try {
                code = p.waitFor();
            } catch (InterruptedException e) {
                p.destroy();
                Thread.currentThread().interrupt();
                throw new ExitException(ExitException.FAILURE, "interrupted while timing status", e);
            }
            seconds.add(Math.round((System.nanoTime() - t0) / 1e6) / 1e3);
            if (code != 0) {
                throw new ExitException(ExitException.FAILURE, launcher + " status failed with exit " + code, null);
            }
        }
        ctx.err().printf("bench `bin/arraysweep status` as a new process: %s s%n", seconds);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", launcher + " status --workdir DIR " + OrchestratorBench.STATUS_SWEEP);
        m.put("seconds_per_call", seconds);
        m.put(
                "note",
                "each call a new JVM opening the database file; the first after a build writes the"
                        + " launcher's AppCDS archive");
        return m;
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
