package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.model.Submission;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.orchestrator.slurm.CommandLineSlurm;
import dev.arraysweep.orchestrator.slurm.SlurmTestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code submit} sends to the single-node Slurm of {@code slurm/start-slurm.sh}: never a second worker for a
 * run whose task is still queued, and arrays split at the cluster's {@code MaxArraySize} with index offsets.
 */
class SlurmSubmitTest {
    private static CommandLineSlurm slurm;

    @TempDir
    Path dir;

    @BeforeAll
    static void slurmAndData() throws Exception {
        dev.arraysweep.testkit.Require.fashionMnist();
        slurm = SlurmTestCluster.require();
    }

    @Test
    void submitAgainWhileArrayQueued_leavesItsRunsOut_eachRunTrainedOnce() throws Exception {
        SlurmSweeps s = new SlurmSweeps(dir);
        s.expand("twice", SlurmSweeps.tinySweep(3, 4, "[0, 1, 2]", 1));
        String first = s.ok("submit", "twice", "--indices", "0-1");
        String jobA = SlurmSweeps.jobId(first);
        assertThat(first).contains("job " + jobA + ": --array=0-1%1 (runs 0-1)");
        // run 0 trains (held there, stopped), run 1 waits behind the throttle
        s.await("twice", "run 0's claim", Duration.ofMinutes(4), () -> s.count("twice", 0, JournalEvent.CLAIM) > 0);
        s.signalWorker("twice", 0, "STOP");
        String jobB;
        try {
            assertThat(SlurmSweeps.tasks(jobA)).containsExactlyInAnyOrder(jobA + "_0|RUNNING", jobA + "_1|PENDING");

            CliRunner.Result again = s.cli.run("submit", "twice", "--indices", "0");
            String second = s.ok("submit", "twice");

            assertThat(again.code()).isEqualTo(ExitException.WRONG_STATE);
            assertThat(again.err())
                    .contains("run 0 is already in Slurm's queue as " + jobA + "_0 (RUNNING);"
                            + " submitting it again would start a second worker");
            jobB = SlurmSweeps.jobId(second);
            assertThat(second)
                    .contains("submitting 1 run (pending 1); left out, already in Slurm's queue: 1 run: 1")
                    .contains("job " + jobB + ": --array=2%1 (runs 2)");
        } finally {
            s.signalWorker("twice", 0, "CONT");
        }

        List<Run> runs = s.awaitSettled("twice", jobA, jobB);

        String logs = s.logs("twice");
        assertThat(runs)
                .as(logs)
                .extracting(Run::state, Run::attempt, Run::slurmArrayJobId)
                .containsExactly(
                        tuple(RunState.DONE, 1, jobA), tuple(RunState.DONE, 1, jobA), tuple(RunState.DONE, 1, jobB));
        for (int i = 0; i < 3; i++) {
            assertThat(s.count("twice", i, JournalEvent.CLAIM))
                    .as("workers that claimed run " + i)
                    .isEqualTo(1);
        }
        assertThat(SlurmSweeps.tasks(jobA)).containsExactlyInAnyOrder(jobA + "_0|COMPLETED", jobA + "_1|COMPLETED");
        assertThat(SlurmSweeps.tasks(jobB)).containsExactly(jobB + "_2|COMPLETED");
        assertThat(logs).doesNotContain("already being trained");
    }

    @Test
    void runsBeyondMaxArraySize_splitIntoArraysWithOffsets_eachRunDoneOnce() throws Exception {
        dev.arraysweep.testkit.Require.that(
                slurm.maxArraySize() == 1001,
                "written for start-slurm.sh's default MaxArraySize 1001, not " + slurm.maxArraySize());
        // sbatch --test-only checks a job without queueing it
        assertThat(SlurmTestCluster.ask("sbatch", "--test-only", "--array=1000", "--wrap=true")
                        .exit())
                .as("task id 1000 allowed")
                .isZero();
        assertThat(SlurmTestCluster.ask("sbatch", "--test-only", "--array=1001", "--wrap=true")
                        .err())
                .contains("Invalid job array specification");
        SlurmSweeps s = new SlurmSweeps(dir);
        String seeds = IntStream.range(0, 1003).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
        s.expand("split", SlurmSweeps.tinySweep(1, 32, seeds, null));

        // runs 999-1002: 999 fits below MaxArraySize, 1000-1002 need offset 1000; at most 2 tasks per array
        String out = s.ok("submit", "split", "--indices", "999-1002", "--max-array-tasks", "2");

        List<String> jobs = SlurmSweeps.jobIds(out);
        assertThat(jobs).hasSize(3);
        assertThat(out)
                .contains("submitting 4 runs (pending 4) of split in 3 arrays")
                .contains("job " + jobs.get(0) + ": --array=999 (runs 999)")
                .contains("job " + jobs.get(1) + ": --array=0-1 (runs 1000-1001)")
                .contains("job " + jobs.get(2) + ": --array=2 (runs 1002)");
        try (Database db = s.db()) {
            assertThat(db.submissions()
                            .forSweep(db.sweeps().find("split").orElseThrow().id()))
                    .extracting(Submission::jobId, Submission::arraySpec, Submission::indexOffset)
                    .containsExactly(
                            tuple(jobs.get(0), "999", 0),
                            tuple(jobs.get(1), "0-1", 1000),
                            tuple(jobs.get(2), "2", 1000));
        }
        List<Run> runs = s.awaitSettled("split", jobs.toArray(String[]::new));

        String logs = s.logs("split");
        assertThat(runs.subList(999, 1003))
                .as(logs)
                .extracting(Run::arrayIndex, Run::state, Run::attempt, Run::slurmArrayJobId)
                .containsExactly(
                        tuple(999, RunState.DONE, 1, jobs.get(0)),
                        tuple(1000, RunState.DONE, 1, jobs.get(1)),
                        tuple(1001, RunState.DONE, 1, jobs.get(1)),
                        tuple(1002, RunState.DONE, 1, jobs.get(2)));
        assertThat(runs.subList(0, 999)).extracting(Run::state).containsOnly(RunState.PENDING);
        assertThat(SlurmSweeps.tasks(jobs.get(0))).containsExactly(jobs.get(0) + "_999|COMPLETED");
        assertThat(SlurmSweeps.tasks(jobs.get(1)))
                .containsExactlyInAnyOrder(jobs.get(1) + "_0|COMPLETED", jobs.get(1) + "_1|COMPLETED");
        assertThat(SlurmSweeps.tasks(jobs.get(2))).containsExactly(jobs.get(2) + "_2|COMPLETED");
        assertThat(Files.readString(s.workspace.taskLog("split", jobs.get(1), 1)))
                .contains("runs run 1001");
        assertThat(Files.readString(s.workspace.taskLog("split", jobs.get(2), 2)))
                .contains("runs run 1002");
        try (Stream<Path> journals = Files.list(s.workspace.journalDir("split"))) {
            assertThat(journals.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("1000.jsonl", "1001.jsonl", "1002.jsonl", "999.jsonl");
        }
        for (int i = 999; i < 1003; i++) {
            assertThat(s.count("split", i, JournalEvent.CLAIM))
                    .as("claims of run " + i)
                    .isEqualTo(1);
            assertThat(s.count("split", i, JournalEvent.DONE))
                    .as("done of run " + i)
                    .isEqualTo(1);
        }
    }

    /**
     * max_concurrent 1 over two arrays (--max-array-tasks 2): Slurm runs the second after the first, so no two
     * runs of the sweep ever train at once, although the node has room for two (issue 16 item 6). The times
     * are the workers' own, from their journals (claim to end of attempt).
     */
    @Test
    void maxConcurrentAcrossSplitArrays_neverTwoAtOnce_onTheRealCluster() throws Exception {
        SlurmSweeps s = new SlurmSweeps(dir);
        s.expand("chain", SlurmSweeps.tinySweep(1, 32, "[0, 1, 2, 3]", 1));

        String out = s.ok("submit", "chain", "--max-array-tasks", "2");

        List<String> jobs = SlurmSweeps.jobIds(out);
        assertThat(jobs).hasSize(2);
        assertThat(out)
                .contains("job " + jobs.get(0) + ": --array=0-1%1 (runs 0-1)")
                .contains("job " + jobs.get(1) + ": --array=2-3%1 (runs 2-3)");
        assertThat(SlurmTestCluster.ask("scontrol", "show", "job", jobs.get(1)).out())
                .contains("Dependency=afterany:" + jobs.get(0));
        List<Run> runs = s.awaitSettled("chain", jobs.toArray(String[]::new));
        assertThat(runs).as(s.logs("chain")).extracting(Run::state).containsOnly(RunState.DONE);

        List<long[]> spans = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<JournalEvent> events = dev.arraysweep.db.journal.JournalReader.read(s.workspace.journal("chain", i), 0)
                    .events();
            long start = events.stream()
                    .filter(e -> e.type().equals(JournalEvent.CLAIM))
                    .mapToLong(JournalEvent::atMillis)
                    .min()
                    .orElseThrow();
            long end = events.stream()
                    .filter(JournalEvent::endsAttempt)
                    .mapToLong(JournalEvent::atMillis)
                    .max()
                    .orElseThrow();
            spans.add(new long[] {start, end});
        }
        spans.sort(java.util.Comparator.comparingLong(a -> a[0]));
        for (int i = 1; i < spans.size(); i++) {
            assertThat(spans.get(i)[0])
                    .as("run starting at %d begins after the one before it ended", spans.get(i)[0])
                    .isGreaterThanOrEqualTo(spans.get(i - 1)[1]);
        }
    }
}
