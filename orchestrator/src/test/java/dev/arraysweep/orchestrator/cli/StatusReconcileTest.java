package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusReconcileTest extends FakeSlurmCliTest {
    @Override
    int demoRuns() {
        return 5;
    }

    @BeforeEach
    void submit() {
        assertThat(cli.run("submit", "demo").code()).isZero(); // job 100, runs 0-4
    }

    private RunState state(int index) {
        return sweeps.db(NOW).runs().find("demo", index).map(Run::state).orElseThrow();
    }

    @Test
    void staleRunsWhoseTaskIsGoneOrFinished_markedLost_othersKept() throws Exception {
        Instant longAgo = NOW.minusSeconds(1000);
        sweeps.claim(longAgo, "demo", 0, "100"); // stale, Slurm forgot the task
        sweeps.claim(longAgo, "demo", 1, "100"); // stale, Slurm says it was cancelled
        sweeps.claim(longAgo, "demo", 2, "100"); // stale, but Slurm still runs it (hung worker)
        sweeps.claim(NOW.minusSeconds(30), "demo", 3, "100"); // fresh heartbeat
        slurm.squeue("100_1|CANCELLED|node1", "100_2|RUNNING|node1", "100_3|RUNNING|node1", "100_4|PENDING|");

        CliRunner.Result r = cli.run("status", "demo");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("marked run 0 of demo lost: Slurm no longer knows task 100 of it; last heartbeat 1000 s ago")
                .contains("marked run 1 of demo lost: Slurm reports task 100_1 CANCELLED; last heartbeat 1000 s ago");
        assertThat(state(0)).isEqualTo(RunState.LOST);
        assertThat(state(1)).isEqualTo(RunState.LOST);
        assertThat(state(2)).isEqualTo(RunState.RUNNING);
        assertThat(state(3)).isEqualTo(RunState.RUNNING);
        assertThat(slurm.log("squeue")).singleElement().asString().contains("-j 100");
        assertThat(r.out()).containsPattern("demo +\\| +0 +\\| +2 +\\| +1 +\\| +0 +\\| +0 +\\| +0 +\\| +2 ");
    }

    @Test
    void staleAfterSecondsFromEnvironment() throws Exception {
        sweeps.claim(NOW.minusSeconds(100), "demo", 0, "100");
        CliRunner strict = new CliRunner(
                tmp.resolve("work"),
                new java.util.HashMap<>(
                        java.util.Map.of("PATH", slurm.env().get("PATH"), "ARRAYSWEEP_STALE_SECONDS", "60")),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(cli.run("status", "demo").out()).doesNotContain("lost:");
        assertThat(strict.run("status", "demo").out()).contains("marked run 0 of demo lost");
    }

    @Test
    void noStaleRuns_slurmNotAsked() throws Exception {
        sweeps.claim(NOW.minusSeconds(5), "demo", 0, "100");

        CliRunner.Result r = cli.run("status");

        assertThat(r.code()).isZero();
        assertThat(slurm.log("squeue")).isEmpty();
        assertThat(state(0)).isEqualTo(RunState.RUNNING);
    }

    @Test
    void slurmDown_statusStillShown_withWarning() throws Exception {
        sweeps.claim(NOW.minusSeconds(1000), "demo", 0, "100");
        java.nio.file.Files.writeString(
                tmp.resolve("slurm/bin/squeue"),
                "#!/bin/bash\necho 'slurm_load_jobs error: Unable to contact slurm controller' >&2\nexit 1\n");

        CliRunner.Result r = cli.run("status", "demo");

        assertThat(r.code()).isZero();
        assertThat(r.err())
                .contains("warning: could not check runs against Slurm: squeue failed:"
                        + " slurm_load_jobs error: Unable to contact slurm controller");
        assertThat(r.out()).contains("demo");
        assertThat(state(0)).isEqualTo(RunState.RUNNING);
    }
}
