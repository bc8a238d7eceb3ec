package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arraysweep bench} on small sizes: it runs the real expand, ingest and status, and reports them. */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void smallBench_reportsExpandIngestAndStatus_andWritesTheJson() throws Exception {
        Path out = dir.resolve("bench.json");
        CliRunner.Result r = new CliRunner(dir.resolve("work"))
                .run("bench", "--runs", "200", "--epoch-rows", "400", "--status-runs", "20", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("\"expand\"")
                .contains("\"runs\" : 200")
                .contains("\"epoch_rows\" : 400")
                .contains("\"seconds_per_call\"")
                .contains("bench-status");
        assertThat(Files.readString(out)).contains("\"ingest_seconds\"");
        assertThat(r.err()).contains("bench ingest 400 rows from 20 journals");
    }

    @Test
    void crowdBench_ofFewWorkers_reportsBothModes_andFindsEveryRowExactlyOnce() throws Exception {
        CliRunner.Result r = new CliRunner(dir.resolve("work")).run("bench", "--workers", "6", "--epochs", "3");
        assertThat(r.code()).as(r.err()).isZero();
        var crowd = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(r.out())
                .get("crowd");
        assertThat(crowd.get("workers").asInt()).isEqualTo(6);
        for (String mode : new String[] {"db_serve", "journal_only"}) {
            var m = crowd.get(mode);
            // per worker: a claim, 3 epochs and 3 heartbeats, the end
            assertThat(m.get("writes").asInt()).as(mode).isEqualTo(6 * (1 + 3 + 3 + 1));
            assertThat(m.get("rows").asLong()).as(mode).isEqualTo(6 * 3 * 2);
            assertThat(m.get("every_row_exactly_once").asBoolean()).as(mode).isTrue();
            assertThat(m.get("write_p99_ms").asDouble())
                    .as(mode)
                    .isGreaterThanOrEqualTo(m.get("write_p50_ms").asDouble());
        }
        assertThat(crowd.get("db_serve").get("every_row_written_live_once").asBoolean())
                .isTrue();
        assertThat(crowd.get("journal_only").get("ingested_rows").asLong()).isEqualTo(36);
        assertThat(crowd.get("journal_only").get("status_runs_done").asInt()).isEqualTo(6);
    }

    @Test
    void aNonNumericSize_isBadInput() {
        CliRunner.Result r = new CliRunner(dir.resolve("work")).run("bench", "--runs", "many");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--runs expects a positive whole number, not 'many'");
    }
}
