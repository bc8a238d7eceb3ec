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
    private static final String THREE_EPOCHS = TWO_EPOCHS.replace("epochs: 2", "epochs: 3");

    @TempDir
    Path dir;

    private Path sweep(String text) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        return f;
    }

    private static String table(CliRunner cli) {
        return cli.run("sql", "SELECT array_index, seed, epochs, state FROM runs ORDER BY array_index", "--csv")
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
        Path f = sweep(THREE_EPOCHS);

        CliRunner.Result r = cli.run("expand", f.toString());

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err())
                .contains("no longer holds 1 run of sweep s")
                .contains("changed: epochs: 2 -> 3")
                .contains("done")
                .contains("2/2")
                .contains("nothing written")
                .contains("--retire")
                .doesNotContain("\tat ");
        assertThat(table(cli)).isEqualTo(before);
        CliRunner.Result source = cli.run("sql", "SELECT source_text FROM sweep", "--csv");
        assertThat(source.out()).contains("epochs: 2").doesNotContain("epochs: 3");
    }

    @Test
    void retireFlag_retiresThem_andTheirMetricsComeBackWithTheirParameters() throws Exception {
        CliRunner cli = storedWithOneFinished();
        Path f = sweep(THREE_EPOCHS);

        CliRunner.Result r = cli.run("expand", f.toString(), "--retire");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(table(cli))
                .isEqualTo(
                        "array_index,seed,epochs,state\n0,0,2,retired\n1,1,2,retired\n2,0,3,pending\n3,1,3,pending\n");

        Files.writeString(f, TWO_EPOCHS);
        assertThat(cli.run("expand", f.toString(), "--retire").code()).isZero();
        assertThat(table(cli))
                .isEqualTo("array_index,seed,epochs,state\n0,0,2,done\n1,1,2,pending\n2,0,3,retired\n3,1,3,retired\n");
    }

    @Test
    void retiringOnlyRunsThatNeverStarted_needsNoFlag() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("work"));
        Path f = sweep(TWO_EPOCHS);
        assertThat(cli.run("expand", f.toString()).code()).isZero();
        CliRunner.Result r = cli.run("expand", sweep(THREE_EPOCHS).toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(table(cli)).contains("0,0,2,retired").contains("2,0,3,pending");
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
}
