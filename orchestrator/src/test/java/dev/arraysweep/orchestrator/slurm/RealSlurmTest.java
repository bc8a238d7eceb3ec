package dev.arraysweep.orchestrator.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.orchestrator.grid.SlurmSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submits real job arrays to the single-node Slurm of {@code slurm/start-slurm.sh} ({@link SlurmTestCluster}). */
class RealSlurmTest {

    private static final CommandRunner SHELL = SlurmTestCluster.SHELL;
    private static CommandLineSlurm slurm;

    @TempDir
    Path work;

    @BeforeAll
    static void slurmUp() throws Exception {
        slurm = SlurmTestCluster.require();
    }

    @Test
    void sixTasksThrottledToOne_runOneAtATime_theRightRunIndices() throws Exception {
        Path out = Files.createDirectories(work.resolve("out"));
        Path task = executable(
                work.resolve("task.sh"),
                """
                #!/bin/bash
                f="$ARRAYSWEEP_WORKDIR/out/run_$((SLURM_ARRAY_TASK_ID + ARRAYSWEEP_INDEX_OFFSET))"
                echo "$SLURM_ARRAY_TASK_ID $ARRAYSWEEP_INDEX_OFFSET $SETUP_RAN $(date +%s.%N)" > "$f.part"
                sleep 2
                date +%s.%N >> "$f.part"
                mv "$f.part" "$f"
                """);
        // Task ids stay below 1001 whatever the cluster allows, so runs 1000-1005 need offset 1000.
        int maxArraySize = Math.min(slurm.maxArraySize(), ArrayPlanner.DEFAULT_MAX_ARRAY_SIZE);
        List<ArrayChunk> arrays = ArrayPlanner.forCluster(maxArraySize, 0)
                .plan(IntStream.rangeClosed(1000, 1005).boxed().toList());
        assertThat(arrays).singleElement().extracting(ArrayChunk::offset).isEqualTo(1000);
        SlurmSettings settings = new SlurmSettings(null, null, 1, "100M", "5", 1, 30, "export SETUP_RAN=yes", null);
        Workspace ws = new Workspace(work, "jdbc:h2:" + work.resolve("db"));
        SbatchSpec spec = new SbatchSpec("real-slurm", "arraysweep-test", settings, arrays.get(0), ws, task.toString());

        SubmittedArray job =
                new ArraySubmitter(slurm).submit(List.of(spec), a -> {}).get(0);
        assertThat(SlurmTestCluster.run("scontrol", "show", "job", job.jobId())).contains("ArrayTaskThrottle=1");
        SlurmPoll poll = SlurmTestCluster.awaitFinished(slurm, job.jobId(), Duration.ofSeconds(180));

        assertThat(poll.tasksOf(job.jobId())).hasSize(6).allSatisfy(t -> assertThat(t.state())
                .isEqualTo("COMPLETED"));
        List<double[]> intervals = new ArrayList<>();
        for (int taskId = 0; taskId < 6; taskId++) {
            List<String> lines = Files.readAllLines(out.resolve("run_" + (1000 + taskId)));
            String[] first = lines.get(0).split(" ");
            assertThat(first[0]).isEqualTo(Integer.toString(taskId));
            assertThat(first[1]).isEqualTo("1000");
            assertThat(first[2]).as("setup hook ran").isEqualTo("yes");
            intervals.add(new double[] {Double.parseDouble(first[3]), Double.parseDouble(lines.get(1))});
            assertThat(ws.taskLog("real-slurm", job.jobId(), taskId))
                    .content()
                    .contains("runs run " + (1000 + taskId))
                    .contains("worker exited with status 0");
        }
        assertThat(SlurmTestCluster.maxOverlap(intervals))
                .as("tasks running at once")
                .isEqualTo(1);
    }

    @Test
    void pollOfUnknownJob_noTasksNoError_thoughSqueueExits1() throws Exception {
        String unknown = SlurmTestCluster.NEVER_A_JOB;
        CommandRunner.Result raw =
                SHELL.run(List.of("squeue", "-h", "-r", "-t", "all", "-j", unknown), Duration.ofSeconds(30));
        assertThat(raw.exitCode()).isEqualTo(1);
        assertThat(raw.stderr()).contains("Invalid job id specified");
        Path task = executable(work.resolve("task.sh"), "#!/bin/bash\ntrue\n");
        SubmittedArray known = submitOneTask(new Workspace(work, "jdbc:h2:" + work.resolve("db")), task);
        SlurmTestCluster.awaitFinished(slurm, known.jobId(), Duration.ofSeconds(60));

        assertThat(slurm.poll(List.of(unknown)).tasks()).isEmpty();
        assertThat(slurm.poll(List.of(unknown, known.jobId())).tasks())
                .extracting(TaskState::name, TaskState::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(known.jobId() + "_0", "COMPLETED"));
    }

    @Test
    void usr1ToBatchShell_reachesWorker_andCheckpointExitRequeues() throws Exception {
        Path task = executable(
                work.resolve("task.sh"),
                """
                #!/bin/bash
                d=$ARRAYSWEEP_WORKDIR
                if [ "${SLURM_RESTART_COUNT:-0}" -gt 0 ]; then echo "$SLURM_RESTART_COUNT" > "$d/restarted"; exit 0; fi
                trap 'echo usr1 > "$d/usr1"; exit 75' USR1
                touch "$d/started"
                while :; do sleep 0.2; done
                """);
        Workspace ws = new Workspace(work, "jdbc:h2:" + work.resolve("db"));
        SubmittedArray job = submitOneTask(ws, task);
        try {
            awaitFile(work.resolve("started"), Duration.ofSeconds(60));
            CommandRunner.Result r =
                    SHELL.run(List.of("scancel", "--batch", "--signal=USR1", job.jobId()), Duration.ofSeconds(30));
            assertThat(r.exitCode()).as(r.stderr()).isZero();

            awaitFile(work.resolve("usr1"), Duration.ofSeconds(15));
            awaitFile(work.resolve("restarted"), Duration.ofSeconds(60));
            assertThat(Files.readString(work.resolve("restarted")).strip()).isEqualTo("1");
            assertThat(SlurmTestCluster.awaitFinished(slurm, job.jobId(), Duration.ofSeconds(30))
                            .task(job.jobId(), 0))
                    .hasValueSatisfying(t -> assertThat(t.state()).isEqualTo("COMPLETED"));
            assertThat(ws.taskLog("real-slurm", job.jobId(), 0))
                    .content()
                    .contains("worker checkpointed (exit 75); requeueing")
                    .contains("restart 1");
        } finally {
            if (slurm.poll(List.of(job.jobId())).anyActive(job.jobId())) {
                slurm.cancel(job.jobId());
            }
        }
    }

    @Test
    void cancelWhileWorkerCheckpoints_staysCancelled() throws Exception {
        Path task = executable(
                work.resolve("task.sh"),
                """
                #!/bin/bash
                d=$ARRAYSWEEP_WORKDIR
                trap 'sleep 0.5; echo term > "$d/term"; exit 75' TERM
                touch "$d/started"
                while :; do sleep 0.2; done
                """);
        Workspace ws = new Workspace(work, "jdbc:h2:" + work.resolve("db"));
        SubmittedArray job = submitOneTask(ws, task);
        awaitFile(work.resolve("started"), Duration.ofSeconds(60));

        slurm.cancel(job.jobId());

        awaitFile(work.resolve("term"), Duration.ofSeconds(15));
        Thread.sleep(5000); // a requeue from the batch script would have made it PENDING by now
        assertThat(slurm.poll(List.of(job.jobId())).task(job.jobId(), 0))
                .hasValueSatisfying(t -> assertThat(t.state()).isEqualTo("CANCELLED"));
        assertThat(ws.taskLog("real-slurm", job.jobId(), 0)).content().doesNotContain("requeueing");
    }

    /** {@return the job of {@code task} submitted as a one-task array (index 0) of the sweep real-slurm} */
    private static SubmittedArray submitOneTask(Workspace ws, Path task) throws Exception {
        SlurmSettings settings = new SlurmSettings(null, null, 1, "100M", "5", null, 30, null, null);
        SbatchSpec spec = new SbatchSpec(
                "real-slurm", "arraysweep-test", settings, ArrayChunk.ofRange(0, 0), ws, task.toString());
        return new ArraySubmitter(slurm).submit(List.of(spec), a -> {}).get(0);
    }

    static void awaitFile(Path file, Duration limit) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (!Files.exists(file)) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError(file + " did not appear within " + limit);
            }
            Thread.sleep(200);
        }
    }

    static Path executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
