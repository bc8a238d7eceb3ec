package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line behaviour: exit codes, messages, and nothing written on bad input. */
class CliTest {
    @TempDir
    Path dir;

    private Path sweep(String text) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void badSweepFile_exits2_namesFileLineAndKey_andWritesNothing() throws Exception {
        Path f = sweep("name: s\nbase:\n  dataset: fashion-mnist\n  batch_sizes: 64\n");
        CliRunner cli = new CliRunner(dir.resolve("work"));
        CliRunner.Result r = cli.run("expand", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("s.yaml:4").contains("batch_sizes").contains("batch_size");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("work")).doesNotExist();
    }

    @Test
    void dryRun_printsCountAndRuns_andWritesNothing() throws Exception {
        Path f = sweep("name: s\nbase:\n  dataset: fashion-mnist\n  model: fcnet10\ngrid:\n  seed: [0, 1, 2]\n");
        CliRunner cli = new CliRunner(dir.resolve("work"));
        CliRunner.Result r = cli.run("expand", f.toString(), "--dry-run");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("3 runs").contains("nothing written").contains("seed");
        assertThat(dir.resolve("work")).doesNotExist();
    }

    @Test
    void expandTwice_isUnchanged_andEditAppends() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("work"));
        Path f = sweep("name: s\nbase:\n  dataset: fashion-mnist\n  model: fcnet10\ngrid:\n  seed: [0, 1]\n");
        assertThat(cli.run("expand", f.toString()).out()).contains("2 new runs");
        assertThat(cli.run("expand", f.toString()).out()).contains("unchanged");
        Files.writeString(f, "name: s\nbase:\n  dataset: fashion-mnist\n  model: fcnet10\ngrid:\n  seed: [1, 2]\n");
        assertThat(cli.run("expand", f.toString()).out()).contains("1 new run, 1 kept at their indices, 1 retired");
        CliRunner.Result q = cli.run("sql", "SELECT array_index, seed, state FROM runs ORDER BY array_index", "--csv");
        assertThat(q.out()).isEqualTo("array_index,seed,state\n0,0,retired\n1,1,pending\n2,2,pending\n");
    }

    @Test
    void sql_isReadOnlyUnlessWrite() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("work"));
        cli.run(
                "expand",
                sweep("name: s\nbase:\n  dataset: fashion-mnist\n  model: fcnet10\n")
                        .toString());
        CliRunner.Result denied = cli.run("sql", "UPDATE run SET state = 'done'");
        assertThat(denied.code()).isEqualTo(2);
        assertThat(denied.err()).contains("read-only").contains("--write");
        assertThat(cli.run("sql", "SELECT state FROM run", "--csv").out()).isEqualTo("state\npending\n");
        CliRunner.Result written = cli.run("sql", "UPDATE run SET state = 'done'", "--write");
        assertThat(written.code()).isZero();
        assertThat(cli.run("sql", "SELECT state FROM run", "--json").out()).contains("\"state\": \"done\"");
        CliRunner.Result bad = cli.run("sql", "SELECT nope FROM run");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("SQL error").contains("NOPE");
    }

    @Test
    void sqlWithoutDatabase_saysToExpandFirst() {
        CliRunner.Result r = new CliRunner(dir.resolve("none")).run("sql", "SELECT 1");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("arraysweep expand");
    }

    @Test
    void runLocal_withNothingToRun_exits3() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("work"));
        cli.run(
                "expand",
                sweep("name: s\nbase:\n  dataset: fashion-mnist\n  model: fcnet10\n")
                        .toString());
        cli.run("sql", "UPDATE run SET state = 'done'", "--write");
        CliRunner.Result r = cli.run("run-local", "s");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("nothing to run");
        CliRunner.Result unknown = cli.run("run-local", "sx");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no sweep called 'sx'").contains("did you mean 's'");
    }

    @Test
    void status_ofAnUnknownSweep_exits2_withTheSameHintAsOtherCommands() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("work"));
        cli.run(
                "expand",
                sweep("name: s\nbase:\n  dataset: fashion-mnist\n  model: fcnet10\n")
                        .toString());
        CliRunner.Result r = cli.run("status", "sx");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no sweep called 'sx' (did you mean 's'?); stored sweeps: s");
        assertThat(cli.run("status", "s").out()).contains("pending");
    }

    @Test
    void sweepCommands_withoutExactlyOneSweepName_exit2_showingAnExample() {
        CliRunner cli = new CliRunner(dir.resolve("work"));
        CliRunner.Result none = cli.run("report");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err())
                .contains("expected one sweep name, e.g. arraysweep report demo --at best; got 0 arguments");
        CliRunner.Result two = cli.run("submit", "a", "b");
        assertThat(two.code()).isEqualTo(2);
        assertThat(two.err()).contains("expected one sweep name, e.g. arraysweep submit demo; got 2 arguments");
    }

    @Test
    void unknownCommandAndFlag_exit2WithHints() {
        CliRunner cli = new CliRunner(dir.resolve("work"));
        CliRunner.Result cmd = cli.run("expnad");
        assertThat(cmd.code()).isEqualTo(2);
        assertThat(cmd.err()).contains("did you mean 'expand'");
        CliRunner.Result flag = cli.run("status", "--bogus");
        assertThat(flag.code()).isEqualTo(2);
        assertThat(flag.err()).contains("--bogus").contains("arraysweep help status");
    }
}
