package dev.arraysweep.orchestrator.slurm;

import dev.arraysweep.testkit.Checkout;
import dev.arraysweep.testkit.Require;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The single-node Slurm of {@code slurm/start-slurm.sh}, for tests that submit real jobs.
 *
 * <p>{@link #require()} starts it when {@code sbatch} is installed and it is not up (as root); through
 * {@link Require} it skips the test when it cannot, or when the cluster that answers is not that test cluster
 * ({@code ClusterName=localci}), and fails it instead where {@code ARRAYSWEEP_REQUIRE_ALL=1} (CI; the older
 * {@code ARRAYSWEEP_REQUIRE_SLURM=1} still works).
 */
public final class SlurmTestCluster {
    private static final String TEST_CLUSTER = "localci";
    /**
     * A job id no test cluster has used: below Slurm's default {@code MaxJobId} (67043328), far above the ids a
     * cluster counting from {@code FirstJobId=1} reaches.
     */
    public static final String NEVER_A_JOB = "67000000";

    static final CommandRunner SHELL = new ProcessCommandRunner(System.getenv("PATH"));

    private SlurmTestCluster() {}

    /** {@return a client of the test cluster, started if need be}; skips (or fails in CI) without one */
    public static CommandLineSlurm require() throws Exception {
        check(ProcessCommandRunner.onPath("sbatch"), "sbatch is not on PATH");
        if (!pingUp()) {
            Path start = Checkout.find("slurm/start-slurm.sh").orElse(null);
            if (start != null && Files.isExecutable(Path.of("/usr/sbin/slurmctld"))) {
                CommandRunner.Result r = SHELL.run(List.of("bash", start.toString(), "start"), Duration.ofSeconds(180));
                System.err.print(r.stderr());
            }
        }
        check(pingUp(), "Slurm is not up; start it with: sudo bash slurm/start-slurm.sh start");
        String config = SHELL.run(List.of("scontrol", "show", "config"), Duration.ofSeconds(30))
                .stdout();
        check(
                config.matches("(?s).*\\bClusterName\\s*=\\s*" + TEST_CLUSTER + "\\b.*")
                        || "1".equals(System.getenv("ARRAYSWEEP_SLURM_TESTS")),
                "the Slurm that answers is not the local test cluster '" + TEST_CLUSTER
                        + "'; set ARRAYSWEEP_SLURM_TESTS=1 to submit test jobs to it anyway");
        return CommandLineSlurm.create(Clock.systemUTC());
    }

    /** Runs a Slurm tool (e.g. {@code scancel --batch --signal=USR1 JOB}) and {@return what it printed}. */
    public static String run(String... command) throws Exception {
        CommandRunner.Result r = SHELL.run(List.of(command), Duration.ofSeconds(30));
        if (!r.ok()) {
            throw new AssertionError(String.join(" ", command) + " failed: " + r.stderr() + r.stdout());
        }
        return r.stdout();
    }

    /** What a command answered. */
    public record Answer(int exit, String out, String err) {}

    /** Runs {@code command} (a Slurm tool, or a stand-in by its path) and {@return what it answered}, failing or not. */
    public static Answer ask(String... command) throws Exception {
        CommandRunner.Result r = SHELL.run(List.of(command), Duration.ofSeconds(30));
        return new Answer(r.exitCode(), r.stdout(), r.stderr());
    }

    /** {@return whether Slurm knows tasks of {@code jobId} and has finished them all} */
    public static boolean finished(Slurm slurm, String jobId) {
        SlurmPoll poll = slurm.poll(List.of(jobId));
        return !poll.tasksOf(jobId).isEmpty() && !poll.anyActive(jobId);
    }

    /** Waits until Slurm has finished every task of {@code jobId}, cancelling it after {@code limit}; {@return the last poll} */
    public static SlurmPoll awaitFinished(Slurm slurm, String jobId, Duration limit) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (true) {
            SlurmPoll poll = slurm.poll(List.of(jobId));
            if (!poll.tasksOf(jobId).isEmpty() && !poll.anyActive(jobId)) {
                return poll;
            }
            if (Instant.now().isAfter(end)) {
                slurm.cancel(jobId);
                throw new AssertionError("job " + jobId + " not finished after " + limit + ": " + poll.tasks());
            }
            Thread.sleep(500);
        }
    }

    /** {@return the largest number of [start, end] intervals that overlap at one instant} */
    public static int maxOverlap(List<double[]> intervals) {
        int max = 0;
        for (double[] a : intervals) {
            int n = 0;
            for (double[] b : intervals) {
                if (b[0] <= a[0] && a[0] < b[1]) {
                    n++;
                }
            }
            max = Math.max(max, n);
        }
        return max;
    }

    private static boolean pingUp() throws Exception {
        CommandRunner.Result r = SHELL.run(List.of("scontrol", "ping"), Duration.ofSeconds(30));
        return r.ok() && r.stdout().contains("is UP");
    }

    private static void check(boolean condition, String why) {
        Require.that(condition, why + ": real-Slurm tests need the local test cluster");
    }
}
