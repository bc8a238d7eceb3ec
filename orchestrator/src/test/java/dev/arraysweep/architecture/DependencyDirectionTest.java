package dev.arraysweep.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.architecture.DependencyScan.Rule;
import dev.arraysweep.architecture.DependencyScan.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dependencies point one way ({@code orchestrator -> db <- worker}, domain packages never use {@code cli}, and
 * the rules the package-info files state), checked on the main sources of all three modules.
 */
class DependencyDirectionTest {
    private static final String DB = "dev.arraysweep.db";
    private static final String ORCHESTRATOR = "dev.arraysweep.orchestrator";
    private static final String WORKER = "dev.arraysweep.worker";

    static final List<Rule> RULES = List.of(
            new Rule(DB, ORCHESTRATOR, "module db is shared by both tools and depends on neither"),
            new Rule(DB, WORKER, "module db is shared by both tools and depends on neither"),
            new Rule(ORCHESTRATOR, WORKER, "the orchestrator starts workers as processes, it never links them"),
            new Rule(WORKER, ORCHESTRATOR, "a worker runs on a compute node without the orchestrator"),
            new Rule(ORCHESTRATOR, ORCHESTRATOR + ".cli", "only the command line depends on the domain packages"),
            new Rule(WORKER, WORKER + ".cli", "only the command line depends on the domain packages"),
            new Rule(ORCHESTRATOR + ".results", ORCHESTRATOR + ".report", "tables build on results"),
            new Rule(ORCHESTRATOR + ".results", ORCHESTRATOR + ".plot", "figures build on results"),
            new Rule(ORCHESTRATOR + ".report", ORCHESTRATOR + ".plot", "tables and figures are separate concerns"),
            new Rule(ORCHESTRATOR + ".plot", ORCHESTRATOR + ".report", "tables and figures are separate concerns"),
            new Rule(WORKER + ".train", WORKER + ".task", "the engine does not know where a run comes from"),
            new Rule(WORKER + ".train", DB + ".repo", "the engine trains without a database"),
            new Rule(WORKER + ".train", DB + ".journal", "results leave the engine through its listener"),
            new Rule(WORKER + ".train", DB + ".task", "the engine does not know where a run comes from"));

    @Test
    void mainSources_followEveryRule() {
        List<Violation> violations = new ArrayList<>();
        for (String module : List.of("db", "orchestrator", "worker")) {
            DependencyScan.Result r = DependencyScan.scan(Path.of("..", module, "src", "main", "java"), RULES);
            assertThat(r.files()).as("Java files read in module %s", module).isGreaterThan(10);
            violations.addAll(r.violations());
        }

        assertThat(violations).as("references against the dependency rules").isEmpty();
    }

    @Test
    void workerImportInOrchestratorCode_isReported(@TempDir Path root) throws Exception {
        write(
                root,
                "report/Bad.java",
                """
                package dev.arraysweep.orchestrator.report;

                import dev.arraysweep.worker.train.RunSpec;
                """);

        List<Violation> found = DependencyScan.scan(root, RULES).violations();

        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(3);
            assertThat(v.reference()).isEqualTo("dev.arraysweep.worker.train.RunSpec");
            assertThat(v.toString()).contains("Bad.java:3", "must not use dev.arraysweep.worker");
        });
    }

    @Test
    void cliUseFromADomainPackage_isReportedAlsoByFullName(@TempDir Path root) throws Exception {
        write(
                root,
                "plot/Bad.java",
                """
                package dev.arraysweep.orchestrator.plot;

                import dev.arraysweep.orchestrator.cli.*;
                class Bad { int code = dev.arraysweep.orchestrator.cli.Main.EXIT; }
                """);
        write(
                root,
                "db/Bad.java",
                "package dev.arraysweep.db.repo;\nimport static dev.arraysweep.orchestrator.x.Y.z;\n");

        List<Violation> found = DependencyScan.scan(root, RULES).violations();

        assertThat(found)
                .extracting(Violation::reference)
                .containsExactlyInAnyOrder(
                        "dev.arraysweep.orchestrator.cli.*",
                        "dev.arraysweep.orchestrator.cli.Main.EXIT",
                        "dev.arraysweep.orchestrator.x.Y.z");
    }

    @Test
    void commentsStringsOwnPackageAndLongerNames_areNotReported(@TempDir Path root) throws Exception {
        write(
                root,
                "cli/Fine.java",
                """
                package dev.arraysweep.orchestrator.cli;

                import dev.arraysweep.orchestrator.cli.Main; // dev.arraysweep.worker.cli
                /* dev.arraysweep.worker.task.TaskRunner */
                class Fine {
                    String main = "dev.arraysweep.worker.cli.WorkerMain \\" dev.arraysweep.worker.x";
                    char quote = '"';
                    String block = \"""
                        dev.arraysweep.worker.train
                        \""";
                }
                """);

        write(
                root,
                "plot/Fine.java",
                """
                package dev.arraysweep.orchestrator.plot;

                import dev.arraysweep.orchestrator.client.Other;
                import dev.arraysweep.workers.Other;
                """);

        DependencyScan.Result r = DependencyScan.scan(root, RULES);

        assertThat(r.files()).isEqualTo(2);
        assertThat(r.violations()).isEmpty();
    }

    private static void write(Path root, String file, String text) throws Exception {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
