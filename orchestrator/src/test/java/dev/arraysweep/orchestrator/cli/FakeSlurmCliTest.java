package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.orchestrator.grid.SlurmSettings;
import dev.arraysweep.orchestrator.sweep.SweepStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the submit, status and resubmit tests: before each test, a work directory holding the sweep
 * {@code demo} of {@link #demoRuns()} runs, a fake Slurm on the PATH and the CLI at the fixed clock {@link #NOW}.
 * A subclass's own {@code @BeforeEach} methods run after this set-up.
 */
abstract class FakeSlurmCliTest {
    static final Instant NOW = Instant.parse("2025-05-01T12:00:00Z");
    static final String SLURM =
            SweepStore.slurmJson(new SlurmSettings(null, null, null, "1G", "10", 2, 60, null, null));

    @TempDir
    Path tmp;

    Path work;
    FakeSlurm slurm;
    StoredSweeps sweeps;
    CliRunner cli;

    /** {@return how many runs the stored sweep {@code demo} has} */
    abstract int demoRuns();

    @BeforeEach
    final void storeDemoSweep() throws Exception {
        work = tmp.resolve("work");
        slurm = new FakeSlurm(tmp.resolve("slurm"));
        sweeps = new StoredSweeps(work);
        cli = new CliRunner(work, slurm.env(), Clock.fixed(NOW, ZoneOffset.UTC));
        sweeps.store(NOW, "demo", demoRuns(), SLURM);
    }
}
