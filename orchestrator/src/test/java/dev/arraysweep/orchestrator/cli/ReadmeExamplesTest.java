package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.Journal;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.testkit.MetricRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples, as a reader copies them (issue 16 item 7): every YAML block expands cleanly, and every
 * {@code bin/arraysweep} line of its shell blocks runs with exit 0 on the demo sweep with results in its
 * journals. Lines that train, submit to Slurm, serve or benchmark are run by their own tests and listed here.
 */
class ReadmeExamplesTest {
    /** Commands left to other tests: they train (run-local), need a cluster, serve, or take minutes. */
    private static final Set<String> ELSEWHERE =
            Set.of("run-local", "submit", "resubmit", "cancel", "bench", "db serve", "db console", "dashboard");

    private static final Path REPO = Path.of("..");

    @TempDir
    Path dir;

    private static List<String> blocks(String readme, String language) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)```" + language + "\n(.*?)```").matcher(readme);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyYamlBlock_expandsWithoutProblemsOrWarnings() throws Exception {
        List<String> yaml = blocks(Files.readString(REPO.resolve("README.md")), "yaml");
        assertThat(yaml).isNotEmpty();
        for (int i = 0; i < yaml.size(); i++) {
            Path f = Files.writeString(dir.resolve("readme-" + i + ".yaml"), yaml.get(i));
            CliRunner.Result r = new CliRunner(dir.resolve("work")).run("expand", f.toString(), "--dry-run");
            assertThat(r.code()).as(yaml.get(i) + "\n" + r.err()).isZero();
            assertThat(r.err()).as(yaml.get(i)).doesNotContain("warning");
        }
    }

    @Test
    void everyArraysweepLine_runsOnTheDemoWithResults() throws Exception {
        Path work = dir.resolve("work");
        CliRunner cli = new CliRunner(work);
        Path demo = REPO.resolve("sweeps/demo.yaml").toAbsolutePath().normalize();
        assertThat(cli.run("expand", demo.toString()).code()).isZero();
        journalResults(cli, work);

        List<String> lines = new ArrayList<>();
        for (String block : blocks(Files.readString(REPO.resolve("README.md")), "bash")) {
            for (String line : block.split("\n")) {
                String command = line.replaceAll("\\s+#.*$", "").strip();
                if (command.startsWith("bin/arraysweep ")) {
                    lines.add(command.substring("bin/arraysweep ".length()));
                }
            }
        }
        assertThat(lines).hasSizeGreaterThan(10);
        int ran = 0;
        for (String line : lines) {
            if (ELSEWHERE.stream().anyMatch(c -> line.equals(c) || line.startsWith(c + " "))) {
                continue;
            }
            List<String> args = words(line.replace("sweeps/demo.yaml", demo.toString())
                    .replace("figures/", dir.resolve("figures").toString())
                    .replace("export/", dir.resolve("export").toString())
                    .replace("--out orch.json", "--out " + dir.resolve("orch.json")));
            CliRunner.Result r = cli.run(args.toArray(new String[0]));
            assertThat(r.code())
                    .as("bin/arraysweep " + line + "\n" + r.out() + r.err())
                    .isZero();
            ran++;
        }
        assertThat(ran).as("README lines run here").isGreaterThanOrEqualTo(10);
    }

    /** Two epochs of every demo run, journaled as workers do, with test accuracy that depends on the run. */
    private static void journalResults(CliRunner cli, Path work) {
        Workspace ws = new Workspace(work, Workspace.embeddedUrl(work));
        String csv = cli.run("sql", "SELECT array_index, run_id FROM runs ORDER BY array_index", "--csv")
                .out();
        for (String row : csv.lines().skip(1).toList()) {
            int index = Integer.parseInt(row.split(",")[0]);
            long id = Long.parseLong(row.split(",")[1]);
            try (Journal j = Journal.open(ws.journal("demo", index))) {
                j.append(new JournalEvent(
                        JournalEvent.CLAIM, "demo", index, id, 1, 0, 0, List.of(), null, "node", "7_" + index, "7"));
                for (int epoch = 0; epoch < 4; epoch++) {
                    double acc = 0.5 + 0.01 * index + 0.05 * epoch;
                    j.append(new JournalEvent(
                            JournalEvent.EPOCH,
                            "demo",
                            index,
                            id,
                            1,
                            0,
                            epoch + 1,
                            List.of(
                                    MetricRows.row(id, 1, epoch, "train", acc + 0.01),
                                    MetricRows.row(id, 1, epoch, "test", acc)),
                            null));
                }
                j.append(new JournalEvent(JournalEvent.DONE, "demo", index, id, 1, 0, 4, List.of(), null));
            }
        }
    }

    /** Splits a shell line into words, honouring double quotes (the README's sql line). */
    private static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }
}
