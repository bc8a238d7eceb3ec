package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small things a new user trips over (issue 16 item 5), each as they typed it. */
class FrictionTest {
    @TempDir
    Path dir;

    private record Ran(int code, String out, String err) {}

    private static Ran main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.of(),
                        Clock.systemUTC())
                .run(args);
        return new Ran(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void globalFlags_mayComeBeforeTheCommand() throws Exception {
        Path f = Files.writeString(
                dir.resolve("s.yaml"), "name: s\nbase:\n  dataset: mnist\n  model: fcnet10\nseeds: [0, 1]\n");
        String work = dir.resolve("work").toString();
        Ran expand = main("--workdir", work, "expand", f.toString());
        assertThat(expand.code()).as(expand.err()).isZero();
        assertThat(dir.resolve("work/arraysweep.mv.db")).exists();
        Ran status = main("--workdir=" + work, "status", "s");
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).containsPattern("(?m)^s +\\| +0 \\| +0 \\| +2 ");
        Ran after = main("status", "s", "--workdir", work);
        assertThat(after.out()).isEqualTo(status.out());
    }

    @Test
    void readOnlyCommands_withoutADatabase_createNone_andSayWhatToRun() {
        Path work = dir.resolve("nothing-here");
        for (List<String> cmd : List.of(
                List.of("status"),
                List.of("status", "demo"),
                List.of("report", "demo"),
                List.of("plot", "demo", "--out", dir.resolve("figs").toString()),
                List.of("export", "demo", "--csv", dir.resolve("csv").toString()),
                List.of("sql", "SELECT 1"))) {
            CliRunner.Result r = new CliRunner(work).run(cmd.toArray(new String[0]));
            assertThat(r.out() + r.err()).as(cmd.toString()).contains("arraysweep expand");
            assertThat(r.err()).as(cmd.toString()).doesNotContain("\tat ");
            assertThat(work.resolve("arraysweep.mv.db")).as(cmd.toString()).doesNotExist();
        }
    }

    @Test
    void reportAtLast_isToldFinal() throws Exception {
        Path f = Files.writeString(
                dir.resolve("s.yaml"), "name: s\nbase:\n  dataset: mnist\n  model: fcnet10\nseeds: [0, 1]\n");
        CliRunner cli = new CliRunner(dir.resolve("work"));
        assertThat(cli.run("expand", f.toString()).code()).isZero();
        CliRunner.Result r = cli.run("report", "s", "--at", "last");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("did you mean 'final'?");
    }

    @Test
    void version_isThePomsRevision_inEverySpelling() throws Exception {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        String revision = pom.substring(pom.indexOf("<revision>") + 10, pom.indexOf("</revision>"));
        for (String flag : List.of("--version", "-V", "version")) {
            Ran r = main(flag);
            assertThat(r.code()).isZero();
            assertThat(r.out()).isEqualTo("arraysweep " + revision + "\n");
        }
    }
}
