package dev.arraysweep.orchestrator.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The set-up of the submit, status and resubmit tests: a work directory holding one stored sweep, a fake
 * Slurm on the PATH and the CLI at a fixed clock ({@link SubmitCommandTest#NOW}).
 *
 * @param work the work directory
 * @param slurm the fake Slurm the CLI calls
 * @param sweeps the stored sweeps of the work directory
 * @param cli the CLI on that work directory, with the fake Slurm and the fixed clock
 */
record FakeSlurmWork(Path work, FakeSlurm slurm, StoredSweeps sweeps, CliRunner cli) {

    /** {@return a work directory under {@code tmp} with the sweep {@code sweep} of {@code runs} runs stored} */
    static FakeSlurmWork withSweep(Path tmp, String sweep, int runs) throws Exception {
        Instant now = SubmitCommandTest.NOW;
        Path work = tmp.resolve("work");
        FakeSlurm slurm = new FakeSlurm(tmp.resolve("slurm"));
        StoredSweeps sweeps = new StoredSweeps(work);
        CliRunner cli = new CliRunner(work, slurm.env(), Clock.fixed(now, ZoneOffset.UTC));
        sweeps.store(now, sweep, runs, SubmitCommandTest.SLURM);
        return new FakeSlurmWork(work, slurm, sweeps, cli);
    }
}
