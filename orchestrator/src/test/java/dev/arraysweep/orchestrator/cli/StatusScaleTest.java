package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.repo.Database;
import dev.arraysweep.orchestrator.grid.SlurmSettings;
import dev.arraysweep.orchestrator.sweep.SweepStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status} on a sweep of 10,000 runs with 100,000 metric rows and 100 suspect runs that Slurm still
 * runs: the counts must be right and Slurm asked once. Prints how long it took (no timed assertion).
 */
class StatusScaleTest {
    static final Instant NOW = FakeSlurmCliTest.NOW;
    static final int RUNS = 10_000;

    @TempDir
    Path tmp;

    @Test
    void tenThousandRuns_countsRight_slurmAskedOnce() throws Exception {
        FakeSlurm slurm = new FakeSlurm(tmp.resolve("slurm"));
        StoredSweeps sweeps = new StoredSweeps(tmp.resolve("work"));
        sweeps.store(
                NOW,
                "big",
                RUNS,
                SweepStore.slurmJson(new SlurmSettings(null, null, null, null, null, 100, 120, null, null)));
        Database db = sweeps.db(NOW);
        long sweepId = db.sweeps().find("big").orElseThrow().id();
        db.submissions().record(sweepId, "100", "0-9999%100", 0, null, List.of());
        db.jdbi().useHandle(h -> {
            h.execute("UPDATE run SET state = 'done', epochs_done = 3, attempt = 1 WHERE array_index < 5000");
            h.execute(
                    "UPDATE run SET state = 'running', attempt = 1, slurm_array_job_id = '100',"
                            + " heartbeat_at = ? WHERE array_index BETWEEN 5000 AND 5099",
                    NOW.minusSeconds(3600).atOffset(ZoneOffset.UTC));
            h.execute(
                    "UPDATE run SET state = 'running', attempt = 1, slurm_array_job_id = '100', epochs_done = 1,"
                            + " heartbeat_at = ? WHERE array_index BETWEEN 5100 AND 5199",
                    NOW.atOffset(ZoneOffset.UTC));
            h.execute("UPDATE run SET state = 'failed', attempt = 1 WHERE array_index BETWEEN 5200 AND 5299");
            h.execute("INSERT INTO epoch_metric(run_id, epoch, split, attempt, accuracy, epoch_seconds, recorded_at)"
                    + " SELECT r.id, e.x, s.split, 1, 0.9, 12.5, CURRENT_TIMESTAMP FROM run r"
                    + " CROSS JOIN SYSTEM_RANGE(0, 9) e CROSS JOIN (VALUES ('train'), ('test')) s(split)"
                    + " WHERE r.array_index < 5000");
        });
        List<String> running = new ArrayList<>();
        for (int i = 5000; i < 5100; i++) {
            running.add("100_" + i + "|RUNNING|node1");
        }
        slurm.squeue(running.toArray(String[]::new));
        CliRunner cli = new CliRunner(tmp.resolve("work"), slurm.env(), Clock.fixed(NOW, ZoneOffset.UTC));

        cli.run("status", "big"); // warm up the JVM
        long start = System.nanoTime();
        CliRunner.Result r = cli.run("status", "big");
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .containsPattern("big +\\| +5000 +\\| +200 +\\| +4700 +\\| +100 +\\| +0 +\\| +0 ")
                .contains("15100/30000");
        assertThat(slurm.log("squeue")).hasSize(2); // once per status: the 100 stale runs are still in Slurm
        System.out.printf("status on %,d runs: %.3f s%n%s", RUNS, seconds, r.out());
    }
}
