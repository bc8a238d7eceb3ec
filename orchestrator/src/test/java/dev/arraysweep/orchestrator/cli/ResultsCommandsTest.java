package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arraysweep.db.ExitException;
import dev.arraysweep.orchestrator.results.FilledResultsTest;
import dev.arraysweep.orchestrator.results.ResultsFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report, plot, export and db commands, run through {@code arraysweep}'s entry point. */
class ResultsCommandsTest extends FilledResultsTest {
    static CliRunner cli;

    @BeforeAll
    static void cli() {
        cli = new CliRunner(dir.resolve("work"), Map.of(), Clock.systemUTC());
    }

    @Test
    void help_listsTheResultsCommands() {
        assertThat(cli.run("help").out()).contains("report", "plot", "export", "db ");
        assertThat(cli.run("help", "db").out()).contains("console [--port N]", "--port");
    }

    @Test
    void report_printsMarkdownByDefault() {
        CliRunner.Result r = cli.run("report", ResultsFixture.SWEEP);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("# Sweep `mnist-filter` at the final epoch")
                .contains("| batchwise | 3 | 2 | -0.050 [-0.075, -0.025] * | -0.023 [-0.061, +0.015] |");
    }

    @Test
    void report_csvAndJsonFormats() throws Exception {
        CliRunner.Result csv = cli.run("report", ResultsFixture.SWEEP, "--format", "csv", "--epoch", "1");
        CliRunner.Result json = cli.run("report", ResultsFixture.SWEEP, "--format", "JSON", "--at", "best");

        assertThat(csv.code()).as(csv.err()).isZero();
        assertThat(csv.out())
                .startsWith("sweep,at,group,batch_size,setting,")
                .contains("mnist-filter,1,1,128,batchwise,");
        assertThat(new ObjectMapper().readTree(json.out()).get("at").asText()).isEqualTo("best");
    }

    @Test
    void report_badFlagsSayWhatIsWrong() {
        CliRunner.Result format = cli.run("report", ResultsFixture.SWEEP, "--format", "markdwn");
        CliRunner.Result both = cli.run("report", ResultsFixture.SWEEP, "--at", "best", "--epoch", "1");
        CliRunner.Result epoch = cli.run("report", ResultsFixture.SWEEP, "--epoch", "7");
        CliRunner.Result negative = cli.run("report", ResultsFixture.SWEEP, "--epoch", "-1");
        CliRunner.Result sweep = cli.run("report", "mnist-filtr");

        assertThat(format.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(format.err()).contains("--format must be one of markdown, csv, json", "did you mean 'markdown'");
        assertThat(both.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(both.err()).contains("either --at or --epoch");
        assertThat(epoch.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(epoch.err()).contains("at epoch 7", "latest epoch recorded is 2");
        assertThat(negative.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(negative.err()).contains("--epoch expects an epoch number >= 0 (the first epoch is 0), not '-1'");
        assertThat(sweep.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(sweep.err()).contains("no sweep called 'mnist-filtr'", "did you mean 'mnist-filter'");
    }

    @Test
    void plot_writesTheFiguresAndPrintsThem() {
        Path out = dir.resolve("plots");

        CliRunner.Result r = cli.run("plot", ResultsFixture.ONE_SEED, "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out.resolve("one-seed-g01-all-runs-panel.png")).isRegularFile();
        assertThat(out.resolve("one-seed-g01-all-runs-sampler.png")).isRegularFile();
        assertThat(r.out()).contains("one-seed-g01-all-runs-panel.png  (all runs)", "2 figures for 1 group");
        CliRunner.Result band = cli.run("plot", ResultsFixture.ONE_SEED, "--band", "iqr");
        assertThat(band.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(band.err()).contains("minmax, std");
    }

    @Test
    void export_writesOneCsvPerViewForTheSweep() throws Exception {
        Path out = dir.resolve("export");

        CliRunner.Result r = cli.run("export", ResultsFixture.SWEEP, "--csv", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "runs.csv  (12 rows)",
                        "curves.csv  (72 rows)",
                        "final_metrics.csv  (24 rows)",
                        "run_results.csv  (12 rows)",
                        "twins.csv  (6 rows)",
                        "run_events.csv  (0 rows)");
        assertThat(Files.readAllLines(out.resolve("runs.csv")).get(0))
                .startsWith("sweep,array_index,state,")
                .contains(",batch_size,", ",seed,", ",params_json,");
        assertThat(Files.readAllLines(out.resolve("twins.csv")).get(1)).startsWith("mnist-filter,");
        CliRunner.Result noCsv = cli.run("export", ResultsFixture.SWEEP);
        assertThat(noCsv.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(noCsv.err()).contains("--csv DIR");
    }

    @Test
    void db_needsAKnownSubcommand() {
        CliRunner.Result none = cli.run("db");
        assertThat(none.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(none.err()).contains("expected a subcommand: console");
        CliRunner.Result typo = cli.run("db", "consle");
        assertThat(typo.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(typo.err()).contains("did you mean 'console'");
        CliRunner.Result port = cli.run("db", "console", "--port", "70000");
        assertThat(port.code()).isEqualTo(ExitException.BAD_INPUT);
        assertThat(port.err()).contains("at most 65535");
    }
}
