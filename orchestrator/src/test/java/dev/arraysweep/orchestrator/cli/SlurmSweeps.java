package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.journal.JournalReader;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.task.RunLock;
import dev.arraysweep.orchestrator.slurm.CommandLineSlurm;
import dev.arraysweep.orchestrator.slurm.Slurm;
import dev.arraysweep.orchestrator.slurm.SlurmTestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A work directory whose sweeps the CLI submits to the test Slurm ({@link SlurmTestCluster}), with the
 * waits and reads that the real-Slurm CLI tests share; every question to Slurm names the test's own jobs.
 */
final class SlurmSweeps {
    static final Path FASHION = dev.arraysweep.testkit.Require.FASHION_MNIST;
    /** How long all runs of one test may take to settle on the shared 2-CPU node. */
    static final Duration SETTLE = Duration.ofMinutes(8);

    private static final Slurm SLURM = CommandLineSlurm.create(Clock.systemUTC());
    private static final Pattern JOB = Pattern.compile("job (\\d+): --array=");

    final Path dir;
    final CliRunner cli;
    final Workspace workspace;

    SlurmSweeps(Path dir) {
        this.dir = dir;
        this.cli = new CliRunner(dir.resolve("work"));
        this.workspace = new Workspace(cli.workdir, Workspace.embeddedUrl(cli.workdir));
    }

    /**
     * {@return the body of a tiny sweep}: fcnet16 on 1,000 Fashion-MNIST images (every batch trained) for
     * {@code epochs} epochs of batches of {@code batchSize}, one run per seed in {@code seeds} (a YAML list), one
     * CPU and one thread per task, at most {@code maxConcurrent} tasks at once (no throttle when null)
     */
    static String tinySweep(int epochs, int batchSize, String seeds, Integer maxConcurrent) {
        return """
                base:
                  dataset: fashion-mnist
                  model: fcnet16
                  epochs: %d
                  batch_size: %d
                  batch_filtering: false
                  learning_rate: 0.05
                  train_limit: 1000
                  test_limit: 200
                  data_dir: %s
                seeds: %s
                slurm:
                  cpus_per_task: 1
                  time: "10"
                  signal_grace: 30
                %s  setup: export OMP_NUM_THREADS=1
                """
                .formatted(
                        epochs,
                        batchSize,
                        FASHION,
                        seeds,
                        maxConcurrent == null ? "" : "  max_concurrent: " + maxConcurrent + "\n");
    }

    /** Writes {@code <name>.yaml} with {@code body} after its name, and {@return the file} */
    Path write(String name, String body) throws Exception {
        return Files.writeString(dir.resolve(name + ".yaml"), "name: " + name + "\n" + body);
    }

    /** Writes and expands the sweep {@code name}. */
    void expand(String name, String body) throws Exception {
        CliRunner.Result r = cli.run("expand", write(name, body).toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    /** Runs {@code arraysweep args...}, which must succeed, and {@return what it printed} */
    String ok(String... args) {
        CliRunner.Result r = cli.run(args);
        assertThat(r.code())
                .as(String.join(" ", args) + ": " + r.err() + r.out())
                .isZero();
        return r.out();
    }

    /** {@return the job id of the first array that {@code submit} or {@code resubmit} printed} */
    static String jobId(String submitOut) {
        return jobIds(submitOut).get(0);
    }

    /** {@return the job ids of the arrays that {@code submit} or {@code resubmit} printed, in order} */
    static List<String> jobIds(String submitOut) {
        Matcher m = JOB.matcher(submitOut);
        List<String> ids = m.results().map(r -> r.group(1)).toList();
        assertThat(ids).as("job ids in: " + submitOut).isNotEmpty();
        return ids;
    }

    /** {@return the embedded database of the work directory; close it before the next command that needs it} */
    Database db() {
        return Database.open(Workspace.embeddedUrl(cli.workdir), Clock.systemUTC(), false);
    }

    /** {@return the runs of {@code sweep} as the database has them now (without ingesting journals)} */
    List<Run> runs(String sweep) {
        try (Database db = db()) {
            return db.runs().bySweep(db.sweeps().find(sweep).orElseThrow().id());
        }
    }

    /** {@return Slurm's {@code TASK|STATE} lines of the tasks of {@code job}, one per task} */
    static List<String> tasks(String job) throws Exception {
        return SlurmTestCluster.run("squeue", "-h", "-r", "-t", "all", "-j", job, "-o", "%i|%T")
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
    }

    /** {@return whether Slurm knows tasks of {@code job} and has finished every one} */
    static boolean finished(String job) {
        return SlurmTestCluster.finished(SLURM, job);
    }

    /**
     * Waits until Slurm has finished every task of {@code jobs} and {@code status} (which ingests the journals)
     * shows no run of the sweep pending in them, running or preempted; {@return the sweep's runs}. Fails at once
     * when Slurm is done and the runs are not: every worker journals before it exits, so they never will be.
     */
    List<Run> awaitSettled(String sweep, String... jobs) throws Exception {
        Set<RunState> unsettled = EnumSet.of(RunState.RUNNING, RunState.PREEMPTED);
        Instant end = Instant.now().plus(SETTLE);
        while (true) {
            boolean slurmDone = true;
            for (String job : jobs) {
                slurmDone &= finished(job);
            }
            String status = ok("status", sweep);
            List<Run> runs = runs(sweep);
            boolean settled = runs.stream()
                    .noneMatch(r -> unsettled.contains(r.state())
                            || r.state() == RunState.PENDING
                                    && Arrays.asList(jobs).contains(r.slurmArrayJobId()));
            if (slurmDone && settled) {
                return runs;
            }
            if (slurmDone || Instant.now().isAfter(end)) {
                StringBuilder slurm = new StringBuilder();
                for (String job : jobs) {
                    slurm.append(tasks(job));
                }
                cli.run("cancel", sweep);
                throw new AssertionError("runs of " + sweep
                        + (slurmDone ? " unsettled though Slurm is done" : " not" + " settled after " + SETTLE)
                        + ": Slurm says " + slurm + ", the database " + runs + "\n"
                        + status + logs(sweep));
            }
            Thread.sleep(2000);
        }
    }

    /** Waits up to {@code limit} for {@code condition}; fails with {@code what} and the sweep's logs if it never holds. */
    void await(String sweep, String what, Duration limit, Condition condition) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (!condition.holds()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError(what + " did not happen within " + limit + logs(sweep));
            }
            Thread.sleep(50);
        }
    }

    /** Something a test waits for, which may ask Slurm or read files. */
    interface Condition {
        boolean holds() throws Exception;
    }

    /** {@return the process id of the worker that holds (or last held) the lock of run {@code index}} */
    long workerPid(String sweep, int index) {
        Object pid = RunLock.holder(workspace.runLock(sweep, index)).get("pid");
        assertThat(pid).as("pid in the lock file of run " + index).isNotNull();
        return ((Number) pid).longValue();
    }

    /** Sends {@code signal} (such as {@code STOP}) to the worker of run {@code index}. */
    void signalWorker(String sweep, int index, String signal) throws Exception {
        SlurmTestCluster.run("kill", "-" + signal, Long.toString(workerPid(sweep, index)));
    }

    /** {@return the events of the journal of run {@code index} of {@code sweep}, empty before it exists} */
    List<JournalEvent> journal(String sweep, int index) {
        Path file = workspace.journal(sweep, index);
        return Files.exists(file) ? JournalReader.read(file, 0).events() : List.of();
    }

    /** {@return how many events of {@code type} the journal of run {@code index} holds} */
    long count(String sweep, int index, String type) {
        return journal(sweep, index).stream().filter(e -> e.type().equals(type)).count();
    }

    /** {@return every task log of the sweep, each under its file name, for assertion messages} */
    String logs(String sweep) throws Exception {
        Path logs = workspace.logDir(sweep);
        if (!Files.isDirectory(logs)) {
            return "\n(no task logs)";
        }
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path p : files.sorted().toList()) {
                sb.append("\n--- ").append(p.getFileName()).append('\n').append(Files.readString(p));
            }
        }
        return sb.toString();
    }
}
