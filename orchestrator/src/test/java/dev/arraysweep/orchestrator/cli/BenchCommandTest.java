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
        CliRunner.Result r = new CliRunner(dir.resolve("work")).run("bench", "--runs", "200", "--epoch-rows", "400",
                "--status-runs", "20", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"expand\"").contains("\"runs\" : 200").contains("\"epoch_rows\" : 400")
                .contains("\"seconds_per_call\"").contains("bench-status");
        assertThat(Files.readString(out)).contains("\"ingest_seconds\"");
        assertThat(r.err()).contains("bench ingest 400 rows from 20 journals");
    }

    @Test
    void aNonNumericSize_isBadInput() {
        CliRunner.Result r = new CliRunner(dir.resolve("work")).run("bench", "--runs", "many");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--runs expects a positive whole number, not 'many'");
    }
}
