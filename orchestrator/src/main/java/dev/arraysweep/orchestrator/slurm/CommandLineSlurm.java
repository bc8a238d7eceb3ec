package dev.arraysweep.orchestrator.slurm;

import dev.arraysweep.db.ExitException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * {@link Slurm} through its command-line tools: {@code sbatch}, {@code squeue}, {@code sacct},
 * {@code scancel} and {@code scontrol}.
 *
 * <p>{@link #poll} asks {@code squeue} (which knows finished jobs for {@code MinJobAge}, 300 s by
 * default) and, for jobs it no longer knows, {@code sacct}; without slurmdbd {@code sacct} answers
 * "accounting storage is disabled", after which it is not asked again.
 */
public final class CommandLineSlurm implements Slurm {

    /** How long one Slurm command may take before it counts as hanging. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final CommandRunner runner;
    private final Clock clock;
    private volatile boolean sacctUsable = true;

    CommandLineSlurm(CommandRunner runner, Clock clock) {
        this.runner = runner;
        this.clock = clock;
    }

    /** {@return a client that runs the Slurm tools found on this process's PATH} */
    public static CommandLineSlurm create(Clock clock) {
        return new CommandLineSlurm(new ProcessCommandRunner(System.getenv("PATH")), clock);
    }

    /** {@return a client that runs the Slurm tools found on the PATH of {@code env}} */
    public static CommandLineSlurm create(Clock clock, Map<String, String> env) {
        return new CommandLineSlurm(new ProcessCommandRunner(env.get("PATH")), clock);
    }

    @Override
    public boolean installed() {
        return runner.has("sbatch");
    }

    @Override
    public String submit(Path script) {
        CommandRunner.Result r = run(List.of("sbatch", "--parsable", script.toString()));
        String jobId = r.ok() ? SlurmOutput.submittedJobId(r.stdout()) : null;
        if (jobId == null) {
            throw ExitException.badInput("sbatch refused " + script + ": " + message(r)
                    + "; check the sweep's slurm: block (partition, gres, mem, time) against 'sinfo'");
        }
        return jobId;
    }

    @Override
    public SlurmPoll poll(Collection<String> jobIds) {
        Set<String> wanted = new LinkedHashSet<>(jobIds);
        List<TaskState> tasks = new ArrayList<>();
        if (!wanted.isEmpty()) {
            CommandRunner.Result r = run(List.of(
                    "squeue",
                    "-h",
                    "-r",
                    "-t",
                    "all",
                    "-j",
                    String.join(",", wanted),
                    "-o",
                    SlurmOutput.SQUEUE_FORMAT));
            if (r.ok()) {
                tasks.addAll(SlurmOutput.tasks(r.stdout()));
            } else if (!r.stderr().contains("Invalid job id")) { // one unknown id: exit 1, others: empty
                throw ExitException.failure(
                        "squeue failed: " + message(r) + "; is slurmctld up? try 'scontrol ping'", null);
            }
            tasks.stream().map(TaskState::jobId).forEach(wanted::remove);
            if (!wanted.isEmpty()) {
                tasks.addAll(sacct(wanted));
            }
        }
        return new SlurmPoll(clock.instant(), tasks);
    }

    @Override
    public void cancel(String jobId) {
        CommandRunner.Result r = run(List.of("scancel", jobId));
        if (!r.ok()) {
            throw ExitException.failure("scancel " + jobId + " failed: " + message(r), null);
        }
    }

    @Override
    public int maxArraySize() {
        CommandRunner.Result r = run(List.of("scontrol", "show", "config"));
        if (!r.ok()) {
            throw ExitException.failure(
                    "scontrol show config failed: " + message(r) + "; is slurmctld up? try 'scontrol ping'", null);
        }
        return SlurmOutput.maxArraySize(r.stdout());
    }

    private List<TaskState> sacct(Set<String> jobIds) {
        if (!sacctUsable) {
            return List.of();
        }
        CommandRunner.Result r;
        try {
            r = run(List.of("sacct", "-n", "-X", "-P", "-j", String.join(",", jobIds), "-o", SlurmOutput.SACCT_FORMAT));
        } catch (ExitException e) {
            sacctUsable = false; // not installed or hanging: squeue alone must do
            return List.of();
        }
        if (!r.ok()) {
            sacctUsable = !(r.stdout() + r.stderr()).contains("accounting storage is disabled");
            return List.of();
        }
        return SlurmOutput.tasks(r.stdout()).stream()
                .filter(t -> jobIds.contains(t.jobId()))
                .collect(Collectors.toList());
    }

    private CommandRunner.Result run(List<String> command) {
        try {
            return runner.run(command, TIMEOUT);
        } catch (NoSuchFileException e) {
            throw ExitException.badInput("Slurm was not found: '" + command.get(0) + "' is not on PATH."
                    + " Load Slurm's module or install its client tools; 'arraysweep run-local SWEEP --parallel N'"
                    + " runs the array on this machine without Slurm");
        } catch (TimeoutException e) {
            throw ExitException.failure(e.getMessage() + "; is slurmctld answering? try 'scontrol ping'", e);
        } catch (IOException e) {
            throw ExitException.failure("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    private static String message(CommandRunner.Result r) {
        String text = (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip();
        return text.isEmpty() ? "exit status " + r.exitCode() : text;
    }
}
