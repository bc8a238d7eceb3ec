package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep file edited after runs trained (issue 16 item 1): the dry run shows the plan against what is stored,
 * and {@code expand} refuses to retire runs with results unless told to, naming them and writing nothing.
 */
class ExpandEditTest {
    private static final String TWO_EPOCHS =
            "name: s\nbase:\n  dataset: fashion-mnist\n  model: fcnet10\n  epochs: 2\ngrid:\n  seed: [0, 1]\n";
    /** An edit that makes other runs: a new learning rate (raising epochs would extend them instead). */
    private static final String OTHER_RATE = TWO_EPOCHS.replace("epochs: 2", "epochs: 2\n  learning_rate: 0.05");

    @TempDir
    Path dir;

    private Path sweep(String text) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        return f;
    }

    private static String table(CliRunner cli) {
        return cli.run("sql", "SELECT array_index, seed, learning_rate, state FROM runs ORDER BY array_index", "--csv")
                .out();
    }

    /** Run 0 has trained its two epochs; run 1 never started. */
    private CliRunner storedWithOneFinished() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("work"));
        assertThat(cli.run("expand", sweep(TWO_EPOCHS).toString()).code()).isZero();
        CliRunner.Result w = cli.run(
                "sql", "UPDATE run SET state = 'done', epochs_done = 2, attempt = 1 WHERE array_index = 0", "--write");
        assertThat(w.code()).as(w.err()).isZero();
        return cli;
    }

    @Test
    void editThatWouldRetireAFinishedRun_isRefusedWithExit3_namingIt_andWritesNothing() throws Exception {
        CliRunner cli = storedWithOneFinished();
        String before = table(cli);
        Path f = sweep(OTHER_RATE);

        CliRunner.Result r = cli.run("expand", f.toString());

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err())
                .contains("no longer holds 1 run of sweep s")
                .contains("changed: learning_rate: 0.1 -> 0.05")
                .contains("done")
                .contains("2/2")
                .contains("nothing written")
                .contains("--retire")
                .doesNotContain("\tat ");
        assertThat(table(cli)).isEqualTo(before);
        CliRunner.Result source = cli.run("sql", "SELECT source_text FROM sweep", "--csv");
        assertThat(source.out()).doesNotContain("0.05");
    }

    @Test
    void retireFlag_retiresThem_andTheirMetricsComeBackWithTheirParameters() throws Exception {
        CliRunner cli = storedWithOneFinished();
        Path f = sweep(OTHER_RATE);

        CliRunner.Result r = cli.run("expand", f.toString(), "--retire");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(table(cli))
                .isEqualTo("array_index,seed,learning_rate,state\n0,0,0.1,retired\n1,1,0.1,retired\n2,0,0.05,pending\n"
                        + "3,1,0.05,pending\n");

        Files.writeString(f, TWO_EPOCHS);
        assertThat(cli.run("expand", f.toString(), "--retire").code()).isZero();
        assertThat(table(cli))
                .isEqualTo("array_index,seed,learning_rate,state\n0,0,0.1,done\n1,1,0.1,pending\n2,0,0.05,retired\n"
                        + "3,1,0.05,retired\n");
    }

    @Test
    void retiringOnlyRunsThatNeverStarted_needsNoFlag() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("work"));
        Path f = sweep(TWO_EPOCHS);
        assertThat(cli.run("expand", f.toString()).code()).isZero();
        CliRunner.Result r = cli.run("expand", sweep(OTHER_RATE).toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(table(cli)).contains("0,0,0.1,retired").contains("2,0,0.05,pending");
        assertThat(dir.resolve("work/runs/s/tasks/2.json")).content().contains("\"retired\":false");
        assertThat(dir.resolve("work/runs/s/tasks/0.json")).content().contains("\"retired\":true");
    }

    @Test
    void dryRun_showsThePlanAgainstTheStoredSweep_withRealIndices_andWritesNothing() throws Exception {
        CliRunner cli = storedWithOneFinished();
        String before = table(cli);
        // seed 1 stays, seed 0 goes, seed 2 comes: the kept run keeps index 1, the new one gets index 2
        Path f = sweep(TWO_EPOCHS.replace("seed: [0, 1]", "seed: [1, 2]"));

        CliRunner.Result r = cli.run("expand", f.toString(), "--dry-run");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("nothing written (dry run)")
                .contains("against the stored sweep: 1 new run (indices 2), 1 kept at their indices,"
                        + " 1 retired run (1 with results), 0 revived runs")
                .contains("changed: seed: 0, 1 -> 1, 2")
                .contains("would retire:")
                .contains("expand would refuse");
        String preview = r.out().substring(r.out().lastIndexOf("# "));
        assertThat(preview).containsPattern("(?m)^1 +\\| [0-9a-f]+ +\\| +1$");
        assertThat(preview).containsPattern("(?m)^2 +\\| [0-9a-f]+ +\\| +2$");
        assertThat(table(cli)).isEqualTo(before);
    }

    @Test
    void dryRun_withoutADatabase_createsNone_andALongListSaysItIsCut() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("work"));
        StringBuilder seeds = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            seeds.append(i == 0 ? "" : ", ").append(i);
        }
        Path f = sweep(TWO_EPOCHS.replace("seed: [0, 1]", "seed: [" + seeds + "]"));
        CliRunner.Result r = cli.run("expand", f.toString(), "--dry-run");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("the first 50 of 60 runs; --all prints every run");
        assertThat(dir.resolve("work/arraysweep.mv.db")).doesNotExist();
        assertThat(cli.run("expand", f.toString(), "--dry-run", "--all").out()).doesNotContain("the first 50");
    }

    @Test
    void raisingEpochs_extendsInPlace_evenRunsWithResults_andLoweringThemIsRefused() throws Exception {
        CliRunner cli = storedWithOneFinished();
        Path f = sweep(TWO_EPOCHS.replace("epochs: 2", "epochs: 5"));
        CliRunner.Result r = cli.run("expand", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("0 new runs, 0 kept at their indices, 0 retired, 0 revived, 2 extended");
        assertThat(cli.run("sql", "SELECT array_index, state, epochs_done, epochs_total FROM runs", "--csv")
                        .out())
                .isEqualTo("array_index,state,epochs_done,epochs_total\n0,pending,2,5\n1,pending,0,5\n");
        assertThat(dir.resolve("work/runs/s/tasks/0.json")).content().contains("\"epochsTotal\":5");

        CliRunner.Result lower = cli.run(
                "expand", sweep(TWO_EPOCHS.replace("epochs: 2", "epochs: 1")).toString());
        assertThat(lower.code())
                .as("fewer epochs are other runs: run 0 has results")
                .isEqualTo(3);
        assertThat(lower.err()).contains("changed: epochs: 5 -> 1");
    }

    @Test
    void raisingEpochs_leavesARunThatEarlyStoppingEnded_done() throws Exception {
        CliRunner cli = storedWithOneFinished();
        CliRunner.Result w = cli.run(
                "sql",
                "UPDATE run SET stop_epoch = 0, stop_reason = 'early stopping: test loss did not improve'"
                        + " WHERE array_index = 0",
                "--write");
        assertThat(w.code()).as(w.err()).isZero();
        Path f = sweep(TWO_EPOCHS.replace("epochs: 2", "epochs: 5"));

        CliRunner.Result dry = cli.run("expand", f.toString(), "--dry-run");
        assertThat(dry.out())
                .contains("2 extended runs (more epochs, continued from their final state; 1 of them"
                        + " ended by early stopping and stay done)");
        CliRunner.Result r = cli.run("expand", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(cli.run("sql", "SELECT array_index, state, epochs_done, epochs_total, stop_epoch FROM runs", "--csv")
                        .out())
                .as("the early-stopped run would stop at the same epoch again: no job for it")
                .isEqualTo("array_index,state,epochs_done,epochs_total,stop_epoch\n0,done,2,5,0\n1,pending,0,5,\n");
    }

    @Test
    void aDecayingPowerDependsOnTheTotalEpochs_soItsRunsAreNotExtended() throws Exception {
        String decaying = TWO_EPOCHS.replace(
                "epochs: 2", "epochs: 2\n  selector: loss-weighted\n  power_decay: linear\n  final_power: 0.5");
        CliRunner cli = new CliRunner(dir.resolve("work"));
        assertThat(cli.run("expand", sweep(decaying).toString()).code()).isZero();
        CliRunner.Result r = cli.run(
                "expand", sweep(decaying.replace("epochs: 2", "epochs: 4")).toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 new runs, 0 kept at their indices, 2 retired, 0 revived\n");
    }
}
