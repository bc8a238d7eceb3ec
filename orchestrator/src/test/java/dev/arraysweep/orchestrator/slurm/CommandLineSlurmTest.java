package dev.arraysweep.orchestrator.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arraysweep.db.ExitException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CommandLineSlurmTest {

    private static final Instant NOW = Instant.parse("2025-05-01T12:00:00Z");
    private final List<String> calls = new ArrayList<>();

    /** A Slurm whose commands answer from {@code answers}, keyed by program name. */
    private CommandLineSlurm slurm(Map<String, CommandRunner.Result> answers) {
        return new CommandLineSlurm(
                (command, timeout) -> {
                    calls.add(String.join(" ", command));
                    CommandRunner.Result r = answers.get(command.get(0));
                    if (r == null) {
                        throw new NoSuchFileException(command.get(0));
                    }
                    return r;
                },
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static CommandRunner.Result ok(String stdout) {
        return new CommandRunner.Result(0, stdout, "");
    }

    @Test
    void submit_parsesParsableJobId() {
        CommandLineSlurm slurm = slurm(Map.of("sbatch", ok("4711;localci\n")));

        assertThat(slurm.submit(Path.of("/w/runs/demo/submit-1.sbatch"))).isEqualTo("4711");
        assertThat(calls).containsExactly("sbatch --parsable /w/runs/demo/submit-1.sbatch");
    }

    @Test
    void sbatchMissing_pointsToRunLocal() {
        assertThatThrownBy(() -> slurm(Map.of()).submit(Path.of("/w/s.sbatch")))
                .isInstanceOfSatisfying(
                        ExitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitException.BAD_INPUT))
                .hasMessageContaining("Slurm was not found: 'sbatch' is not on PATH")
                .hasMessageContaining("arraysweep run-local SWEEP --parallel N");
    }

    @Test
    void sbatchRefuses_showsItsMessage() {
        CommandLineSlurm slurm = slurm(Map.of(
                "sbatch", new CommandRunner.Result(1, "", "sbatch: error: invalid partition specified: GPUQ\n")));

        assertThatThrownBy(() -> slurm.submit(Path.of("/w/s.sbatch")))
                .isInstanceOf(ExitException.class)
                .hasMessageContaining("invalid partition specified: GPUQ")
                .hasMessageContaining("slurm: block");
    }

    @Test
    void poll_parsesArrayTasksAndStampsClock() {
        CommandLineSlurm slurm = slurm(
                Map.of(
                        "squeue",
                        ok(
                                """
                12_4|RUNNING|gpu03
                12_5|PENDING|
                12_0|COMPLETED|gpu01
                13|FAILED|gpu02
                """)));

        SlurmPoll poll = slurm.poll(List.of("12", "13"));

        assertThat(poll.polledAt()).isEqualTo(NOW);
        assertThat(poll.task("12", 4)).contains(new TaskState("12", OptionalInt.of(4), "RUNNING", "gpu03"));
        assertThat(poll.task("12", 5).orElseThrow().node()).isEmpty();
        assertThat(poll.tasksOf("13")).singleElement().satisfies(t -> {
            assertThat(t.taskId()).isEmpty();
            assertThat(t.finished()).isTrue();
            assertThat(t.name()).isEqualTo("13");
        });
        assertThat(poll.anyActive("12")).isTrue();
        assertThat(calls).containsExactly("squeue -h -r -t all -j 12,13 -o %i|%T|%N");
    }

    @Test
    void poll_unknownJobWithoutAccounting_asksSacctOnlyOnce() {
        CommandLineSlurm slurm = slurm(Map.of(
                "squeue", new CommandRunner.Result(1, "", "slurm_load_jobs error: Invalid job id specified\n"),
                "sacct", new CommandRunner.Result(1, "", "Slurm accounting storage is disabled\n")));

        assertThat(slurm.poll(List.of("99")).tasks()).isEmpty();
        assertThat(slurm.poll(List.of("99")).tasks()).isEmpty();
        assertThat(calls).filteredOn(c -> c.startsWith("sacct")).hasSize(1);
    }

    /**
     * The sacct output here follows sacct's documented {@code -P} format; it is not checked against a real sacct.
     * The test cluster has no slurmdbd, so sacct only says "accounting storage is disabled" (checked against the
     * fake in {@code FakeSlurmMatchesRealTest}); {@code sacct -c} reads its job-completion file but names array
     * tasks by raw job id ({@code 15}, not {@code 15_0}), so it cannot stand in for accounting output.
     */
    @Test
    void poll_jobsGoneFromSqueue_readFromSacct() {
        CommandLineSlurm slurm = slurm(Map.of(
                "squeue", ok("12_1|RUNNING|n1\n"),
                "sacct", ok("7_0|COMPLETED|n2\n7_1|CANCELLED by 0|n2\n7_[2-5%2]|PENDING|None assigned\n")));

        SlurmPoll poll = slurm.poll(List.of("12", "7"));

        assertThat(poll.tasksOf("7")).extracting(TaskState::state).containsExactly("COMPLETED", "CANCELLED");
        assertThat(calls).contains("sacct -n -X -P -j 7 -o JobID,State,NodeList");
    }

    @Test
    void maxArraySize_fromConfigOrDefault() {
        assertThat(slurm(Map.of("scontrol", ok("MaxArraySize            = 40001\nMaxJobCount = 10000\n")))
                        .maxArraySize())
                .isEqualTo(40001);
        assertThat(slurm(Map.of("scontrol", ok("MaxJobCount = 10000\n"))).maxArraySize())
                .isEqualTo(1001);
    }
}
