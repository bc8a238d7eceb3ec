package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.model.RunState;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResubmitCancelCommandTest extends FakeSlurmCliTest {
    @Override
    int demoRuns() {
        return 6;
    }

    @BeforeEach
    void setStates() throws Exception {
        // 0 pending, 1 failed, 2 lost, 3 preempted, 4 done, 5 diverged
        sweeps.finish(NOW, "demo", 1, RunState.FAILED);
        long lost = sweeps.claim(NOW, "demo", 2, "local");
        sweeps.db(NOW).runs().setState(List.of(lost), RunState.RUNNING, RunState.LOST);
        sweeps.finish(NOW, "demo", 3, RunState.PREEMPTED);
        sweeps.finish(NOW, "demo", 4, RunState.DONE);
        sweeps.finish(NOW, "demo", 5, RunState.DIVERGED);
    }

    @Test
    void resubmit_byDefault_failedLostAndPreemptedOnly() throws Exception {
        CliRunner.Result r = cli.run("resubmit", "demo");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("resubmitting 3 runs (failed 1, preempted 1, lost 1) of demo in 1 array")
                .contains("job 100: --array=1-3%2 (runs 1-3)");
        assertThat(slurm.log("sbatch")).hasSize(1);
    }

    @Test
    void resubmit_givenStates_onlyThose() throws Exception {
        CliRunner.Result r = cli.run("resubmit", "demo", "--states", "lost");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("--array=2%2 (runs 2)");
    }

    @Test
    void resubmit_divergedRun_onlyWhenNamed() throws Exception {
        CliRunner.Result r = cli.run("resubmit", "demo", "--states", "diverged");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("resubmitting 1 run (diverged 1)").contains("--array=5%2 (runs 5)");
    }

    @Test
    void resubmit_unknownState_exit2_suggests() {
        CliRunner.Result r = cli.run("resubmit", "demo", "--states", "faild");

        assertThat(r.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(r.err()).contains("'faild' is not a state runs can be resubmitted from (did you mean 'failed'?)");
    }

    @Test
    void resubmit_doneRun_exit3() {
        CliRunner.Result r = cli.run("resubmit", "demo", "--indices", "4");

        assertThat(r.code()).isEqualTo(ExitException.WRONG_STATE);
        assertThat(r.err()).contains("run 4 is already done (0 epochs); nothing to rerun");
    }

    @Test
    void cancel_onlyActiveArrays() throws Exception {
        assertThat(cli.run("resubmit", "demo", "--states", "failed").code()).isZero();
        assertThat(cli.run("submit", "demo").code()).isZero();
        slurm.squeue("100_1|COMPLETED|node1", "101_0|RUNNING|node1", "101_2|PENDING|");

        CliRunner.Result r = cli.run("cancel", "demo");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("cancelled job 101 (--array=0,2-3%2").doesNotContain("job 100");
        assertThat(slurm.log("scancel")).containsExactly("101");
        assertThat(slurm.log("squeue")).hasSize(2); // submit asks once about queued tasks, cancel once
    }

    @Test
    void cancel_nothingActive_saysSo() throws Exception {
        assertThat(cli.run("submit", "demo").code()).isZero();

        CliRunner.Result r = cli.run("cancel", "demo");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("nothing to cancel: no array of demo is queued or running in Slurm");
        assertThat(slurm.log("scancel")).isEmpty();
    }
}
