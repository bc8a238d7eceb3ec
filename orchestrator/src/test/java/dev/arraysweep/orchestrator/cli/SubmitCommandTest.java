package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.model.Submission;
import dev.arraysweep.db.repo.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmitCommandTest extends FakeSlurmCliTest {
    @Override
    int demoRuns() {
        return 6;
    }

    private Database db() {
        return sweeps.db(NOW);
    }

    private List<Submission> submissions() {
        return db().submissions()
                .forSweep(db().sweeps().find("demo").orElseThrow().id());
    }

    @Test
    void pendingRuns_submittedAsOneThrottledArray_andRecorded() throws Exception {
        sweeps.finish(NOW, "demo", 2, RunState.DONE);
        sweeps.finish(NOW, "demo", 4, RunState.FAILED);

        CliRunner.Result r = cli.run("submit", "demo");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("submitting 4 runs (pending 4) of demo in 1 array")
                .contains("job 100: --array=0-1,3,5%2 (runs 0-1,3,5)");
        Path script = work.resolve("runs/demo/submit-1.sbatch");
        assertThat(slurm.log("sbatch")).containsExactly("--parsable " + script);
        assertThat(Files.readString(script))
                .contains(
                        "#SBATCH --array=0-1,3,5%2\n",
                        "#SBATCH --mem=1G\n",
                        "#SBATCH --signal=B:USR1@60\n",
                        "-cp /opt/arraysweep/worker.jar dev.arraysweep.worker.cli.WorkerMain"
                                + " run --sweep demo &\n");
        assertThat(submissions()).singleElement().satisfies(s -> {
            assertThat(s.jobId()).isEqualTo("100");
            assertThat(s.arraySpec()).isEqualTo("0-1,3,5%2");
            assertThat(s.indexOffset()).isZero();
            assertThat(s.scriptPath()).isEqualTo(script.toString());
        });
        assertThat(db().runs().bySweep(submissions().get(0).sweepId()))
                .extracting(Run::slurmArrayJobId)
                .containsExactly("100", "100", "local", "100", "local", "100");
    }

    @Test
    void retry_alsoSubmitsFailed() {
        sweeps.finish(NOW, "demo", 4, RunState.FAILED);

        CliRunner.Result r = cli.run("submit", "demo", "--retry");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("6 runs (pending 5, failed 1)").contains("--array=0-5%2");
    }

    @Test
    void dryRun_printsScript_writesAndSubmitsNothing() throws Exception {
        CliRunner.Result r = cli.run("submit", "demo", "--dry-run");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("dry run: would submit 6 runs (pending 6) of demo in 1 array")
                .contains("===== " + work.resolve("runs/demo/submit-1.sbatch") + ": --array=0-5%2 (runs 0-5) =====")
                .contains("#!/bin/bash")
                .contains("export ARRAYSWEEP_INDEX_OFFSET=0");
        assertThat(slurm.log("sbatch")).isEmpty();
        assertThat(work.resolve("runs/demo")).doesNotExist();
        assertThat(submissions()).isEmpty();
    }

    @Test
    void beyondMaxArraySize_splitWithOffsets() throws Exception {
        slurm.maxArraySize(5);
        sweeps.store(NOW, "demo", 8, SLURM);

        CliRunner.Result r = cli.run("submit", "demo");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(submissions())
                .extracting(Submission::jobId, Submission::arraySpec, Submission::indexOffset)
                .containsExactly(
                        // max_concurrent 2 shared by two arrays that run side by side
                        org.assertj.core.groups.Tuple.tuple("100", "0-4%1", 0),
                        org.assertj.core.groups.Tuple.tuple("101", "0-2%1", 5));
        assertThat(Files.readString(work.resolve("runs/demo/submit-2.sbatch")))
                .contains("export ARRAYSWEEP_INDEX_OFFSET=5\n");
    }

    @Test
    void moreArraysThanTheLimit_areChained_soTheSweepNeverRunsMoreThanMaxConcurrent() throws Exception {
        slurm.maxArraySize(5);
        sweeps.store(NOW, "demo", 12, SLURM); // max_concurrent 2; tasks 0-4, 5-9, 10-11: three arrays

        CliRunner.Result dry = cli.run("submit", "demo", "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out())
                .contains("max_concurrent 2 holds across the 3 arrays: 2 chains")
                .contains("--array=0-1%1 (runs 10-11), after array 1 ends =====")
                .contains("#SBATCH --dependency=afterany:JOB_OF_ARRAY_1\n");

        CliRunner.Result r = cli.run("submit", "demo");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(submissions())
                .extracting(Submission::jobId, Submission::arraySpec)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("100", "0-4%1"),
                        org.assertj.core.groups.Tuple.tuple("101", "0-4%1"),
                        org.assertj.core.groups.Tuple.tuple("102", "0-1%1"));
        assertThat(Files.readString(work.resolve("runs/demo/submit-1.sbatch"))).doesNotContain("--dependency");
        assertThat(Files.readString(work.resolve("runs/demo/submit-2.sbatch"))).doesNotContain("--dependency");
        assertThat(Files.readString(work.resolve("runs/demo/submit-3.sbatch")))
                .contains("#SBATCH --dependency=afterany:100\n");
    }

    @Test
    void dryRun_withSlurmNotAnswering_plansForTheDefaultMaxArraySize_andSaysSo() throws Exception {
        Files.writeString(
                slurm.bin().resolve("scontrol"),
                "#!/bin/bash\necho 'slurm_load_ctl_conf error: Unable to contact slurm controller' >&2\nexit 1\n");
        Files.writeString(
                slurm.bin().resolve("squeue"),
                "#!/bin/bash\necho 'slurm_load_jobs error: Unable to contact slurm controller' >&2\nexit 1\n");
        assertThat(cli.run("submit", "demo").code())
                .as("a real submission stops")
                .isNotZero();

        CliRunner.Result dry = cli.run("submit", "demo", "--dry-run");

        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out())
                .contains("(Slurm did not answer (")
                .contains("planned for Slurm's default MaxArraySize 1001")
                .contains("--array=0-5%2");
        assertThat(slurm.log("sbatch")).isEmpty();
    }

    @Test
    void runsStillInSlurmsQueue_leftOut() throws Exception {
        assertThat(cli.run("submit", "demo").code()).isZero();
        sweeps.claim(NOW, "demo", 5, "100");
        sweeps.finish(NOW, "demo", 5, RunState.FAILED);
        slurm.squeue(
                "100_0|PENDING|",
                "100_1|RUNNING|node1",
                "100_2|PENDING|",
                "100_3|PENDING|",
                "100_4|PENDING|",
                "100_5|FAILED|node1");

        CliRunner.Result r = cli.run("submit", "demo", "--retry");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("1 run (failed 1); left out, already in Slurm's queue: 5 runs: 0-4")
                .contains("job 101: --array=5%2 (runs 5)");
    }

    @Test
    void nothingToSubmit_exit3_saysWhatToDo() throws Exception {
        for (int i = 0; i < 6; i++) {
            sweeps.finish(NOW, "demo", i, i == 0 ? RunState.FAILED : RunState.DONE);
        }

        CliRunner.Result r = cli.run("submit", "demo");

        assertThat(r.code()).isEqualTo(ExitException.WRONG_STATE);
        assertThat(r.err())
                .contains("nothing to submit: no run is lost, pending, preempted")
                .contains("failed runs are submitted with --retry")
                .contains("`arraysweep status demo`");
        assertThat(slurm.log("sbatch")).isEmpty();
    }

    @Test
    void sbatchNotFound_exit2_pointsToRunLocal() {
        CliRunner noSlurm =
                new CliRunner(work, Map.of("PATH", tmp.resolve("empty").toString()), Clock.fixed(NOW, ZoneOffset.UTC));

        CliRunner.Result r = noSlurm.run("submit", "demo");

        assertThat(r.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(r.err())
                .contains("sbatch was not found on PATH")
                .contains("`arraysweep run-local SWEEP --parallel N`");
    }

    @Test
    void indexOutsideSweep_exit2_namesTheIndices() {
        CliRunner.Result r = cli.run("submit", "demo", "--indices", "2,9");

        assertThat(r.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(r.err()).contains("the sweep has no array index 9; its indices are 0-5");
    }

    @Test
    void runLocalIndexOutsideSweep_exit2_too() {
        CliRunner.Result r = cli.run("run-local", "demo", "--indices", "7");

        assertThat(r.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(r.err()).contains("the sweep has no array index 7; its indices are 0-5");
    }

    @Test
    void runAlreadyRunningWithFreshHeartbeat_exit3() {
        sweeps.claim(NOW.minusSeconds(10), "demo", 1, "local");

        CliRunner.Result r = cli.run("submit", "demo", "--indices", "1");

        assertThat(r.code()).isEqualTo(ExitException.WRONG_STATE);
        assertThat(r.err())
                .contains("run 1 is already running (attempt 1 on node node1, last heartbeat 10 s ago)")
                .contains("refusing to start a second worker");
    }

    @Test
    void unknownSweep_exit2_listsStored() {
        CliRunner.Result r = cli.run("submit", "dmeo");

        assertThat(r.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(r.err()).contains("no sweep called 'dmeo'").contains("did you mean 'demo'");
    }
}
