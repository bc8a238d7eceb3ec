package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.orchestrator.slurm.SlurmTestCluster;
import dev.arraysweep.testkit.Require;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slurm loop end to end on the single-node Slurm of {@code slurm/start-slurm.sh} and Fashion-MNIST:
 * expand, submit, wait for status to show every run finished, the throttle held; a run made to fail is
 * resubmitted alone; a task told to checkpoint (USR1) is requeued and ends with its twin's metrics.
 */
class SlurmEndToEndTest {
    static final Path FASHION = Require.FASHION_MNIST;
    static final Duration SETTLE = Duration.ofMinutes(8);

    @TempDir
    Path dir;

    @BeforeAll
    static void slurmAndData() throws Exception {
        Require.fashionMnist();
        SlurmTestCluster.require();
    }

    @Test
    void submitThrottledArray_allFinish_thenResubmitRerunsOnlyTheFailedRun() throws Exception {
        Path late = dir.resolve("late-data"); // missing until the resubmit: the run that reads it fails
        Path sweep = write("slurm-e2e", """
                base:
                  dataset: fashion-mnist
                  model: fcnet16
                  epochs: 2
                  batch_size: 64
                  learning_rate: 0.05
                  train_limit: 1000
                  test_limit: 200
                zip:
                  - {seed: [0, 1, 2, 3], data_dir: [FASHION, FASHION, FASHION, LATE]}
                slurm:
                  cpus_per_task: 1
                  time: "10"
                  signal_grace: 30
                  max_concurrent: 2
                  setup: export OMP_NUM_THREADS=1
                """.replace("FASHION", FASHION.toString()).replace("LATE", late.toString()));
        CliRunner cli = new CliRunner(dir.resolve("work"));
        assertThat(cli.run("expand", sweep.toString()).code()).isZero();

        CliRunner.Result submit = cli.run("submit", "slurm-e2e");
        assertThat(submit.code()).as(submit.err()).isZero();
        assertThat(submit.out()).contains("submitting 4 runs (pending 4) of slurm-e2e in 1 array")
                .containsPattern("job \\d+: --array=0-3%2 \\(runs 0-3\\)");
        String job = jobId(submit.out());
        assertThat(SlurmTestCluster.run("scontrol", "show", "job", job)).contains("ArrayTaskThrottle=2");

        List<Run> runs = awaitSettled(cli, "slurm-e2e", job);
        assertThat(runs).extracting(Run::state)
                .as(logs(cli, "slurm-e2e")).containsExactly(RunState.DONE, RunState.DONE, RunState.DONE, RunState.FAILED);
        assertThat(runs.get(3).errorText()).contains(late.toString()).contains("not a directory");
        assertThat(runs).allSatisfy(r -> assertThat(r.slurmArrayJobId()).isEqualTo(job));
        List<double[]> intervals = runs.stream().map(r -> new double[] {r.startedAt().toEpochMilli() / 1e3,
                r.endedAt().toEpochMilli() / 1e3}).toList();
        assertThat(SlurmTestCluster.maxOverlap(intervals)).as("runs at once").isBetween(1, 2);

        Files.createSymbolicLink(late, FASHION);
        CliRunner.Result resubmit = cli.run("resubmit", "slurm-e2e");
        assertThat(resubmit.code()).as(resubmit.err()).isZero();
        assertThat(resubmit.out()).contains("resubmitting 1 run (failed 1) of slurm-e2e in 1 array")
                .containsPattern("--array=3%2 \\(runs 3\\)");

        List<Run> after = awaitSettled(cli, "slurm-e2e", jobId(resubmit.out()));
        assertThat(after).as(logs(cli, "slurm-e2e")).allSatisfy(r -> assertThat(r.state()).isEqualTo(RunState.DONE));
        assertThat(after).extracting(Run::attempt).containsExactly(1, 1, 1, 2);
        assertThat(after.subList(0, 3)).extracting(Run::endedAt)
                .containsExactlyElementsOf(runs.subList(0, 3).stream().map(Run::endedAt).toList());
        CliRunner.Result status = cli.run("status", "slurm-e2e");
        assertThat(status.out()).contains("8/8").contains("0:00:00");
        assertThat(cli.run("submit", "slurm-e2e").code()).isEqualTo(3);
    }

    /**
     * Needs the worker's checkpointing (SIGUSR1/SIGTERM: finish the step, checkpoint, record preempted, exit
     * 75) and resume from {@code Workspace.checkpointDir}: the interrupted run must end with exactly the
     * metrics of its uninterrupted twin (same parameters, another sweep).
     */
    @Test
    void usr1ToRunningTask_checkpointsRequeuesResumes_sameMetricsAsTwin() throws Exception {
        String body = """
                base:
                  dataset: fashion-mnist
                  model: fcnet16
                  epochs: 12
                  batch_size: 16
                  learning_rate: 0.02
                  train_limit: 6000
                  test_limit: 500
                  data_dir: FASHION
                slurm:
                  cpus_per_task: 1
                  time: "10"
                  signal_grace: 30
                  setup: export OMP_NUM_THREADS=1
                """.replace("FASHION", FASHION.toString());
        CliRunner cli = new CliRunner(dir.resolve("work"));
        assertThat(cli.run("expand", write("preempted", body).toString()).code()).isZero();
        assertThat(cli.run("expand", write("twin", body).toString()).code()).isZero();
        CliRunner.Result submit = cli.run("submit", "preempted");
        assertThat(submit.code()).as(submit.err()).isZero();
        CliRunner.Result twinSubmit = cli.run("submit", "twin");
        assertThat(twinSubmit.code()).as(twinSubmit.err()).isZero();
        String job = jobId(submit.out());

        Database db = db(cli);
        Instant end = Instant.now().plus(Duration.ofMinutes(4));
        // workers journal; status loads the journals into the database (as a researcher's `watch status` does)
        while (cli.run("status", "preempted").code() == 0
                && db.runs().find("preempted", 0).orElseThrow().epochsDone() < 1) {
            assertThat(Instant.now()).as("the run did not finish an epoch in time: %s", logs(cli, "preempted"))
                    .isBefore(end);
            Thread.sleep(300);
        }
        SlurmTestCluster.run("scancel", "--batch", "--signal=USR1", job + "_0");

        Run interrupted = awaitSettled(cli, "preempted", job).get(0);
        Run twin = awaitSettled(cli, "twin", jobId(twinSubmit.out())).get(0);
        String log = logs(cli, "preempted");
        assertThat(interrupted.state()).as(log).isEqualTo(RunState.DONE);
        assertThat(interrupted.attempt()).as(log).isEqualTo(2);
        assertThat(log).contains("received SIGUSR1").contains("worker checkpointed (exit 75); requeueing")
                .contains("resuming from the checkpoint").contains("restart 1");
        assertThat(twin.state()).isEqualTo(RunState.DONE);
        assertThat(metrics(db, interrupted)).as("metrics per epoch and split, interrupted vs twin")
                .isEqualTo(metrics(db, twin)).hasSize(24);
    }

    private Path write(String name, String body) throws Exception {
        return Files.writeString(dir.resolve(name + ".yaml"), "name: " + name + "\n" + body);
    }

    private static String jobId(String submitOut) {
        return submitOut.replaceAll("(?s).*?job (\\d+):.*", "$1");
    }

    private static Database db(CliRunner cli) {
        return Database.open(Workspace.embeddedUrl(cli.workdir), Clock.systemUTC(), false);
    }

    /**
     * Waits until Slurm has finished every task of {@code job} and {@code status} shows no run of the sweep
     * pending, running or preempted; {@return the sweep's runs}
     */
    private static List<Run> awaitSettled(CliRunner cli, String sweep, String job) throws Exception {
        Set<RunState> unsettled = EnumSet.of(RunState.PENDING, RunState.RUNNING, RunState.PREEMPTED);
        Set<String> finished = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "OUT_OF_MEMORY", "NODE_FAIL");
        Instant end = Instant.now().plus(SETTLE);
        while (true) {
            List<String> states = SlurmTestCluster.run("squeue", "-h", "-r", "-t", "all", "-j", job, "-o", "%T")
                    .lines().map(String::strip).toList();
            CliRunner.Result status = cli.run("status", sweep);
            assertThat(status.code()).as(status.err()).isZero();
            Database db = db(cli);
            List<Run> runs = db.runs().bySweep(db.sweeps().find(sweep).orElseThrow().id());
            if (!states.isEmpty() && finished.containsAll(states)
                    && runs.stream().noneMatch(r -> unsettled.contains(r.state()))) {
                return runs;
            }
            if (Instant.now().isAfter(end)) {
                cli.run("cancel", sweep);
                throw new AssertionError("runs of " + sweep + " not finished after " + SETTLE + ": Slurm says "
                        + states + ", the database " + runs + "\n" + status.out() + logs(cli, sweep));
            }
            Thread.sleep(2000);
        }
    }

    private static List<String> metrics(Database db, Run run) {
        return db.metrics().forRun(run.id()).stream()
                .map(m -> m.epoch() + " " + m.split() + " " + m.accuracy() + " " + m.meanLoss() + " " + m.q90Loss())
                .collect(Collectors.toList());
    }

    private static String logs(CliRunner cli, String sweep) throws Exception {
        Path logs = cli.workdir.resolve("runs").resolve(sweep).resolve("logs");
        if (!Files.isDirectory(logs)) {
            return "(no logs)";
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
