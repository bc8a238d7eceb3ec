package dev.arraysweep.orchestrator.slurm;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one {@link Slurm#poll} and when it was taken.
 *
 * @param polledAt when Slurm was asked, by the injected clock
 * @param tasks every task Slurm reported, in no particular order
 */
public record SlurmPoll(Instant polledAt, List<TaskState> tasks) {

    public SlurmPoll {
        Objects.requireNonNull(polledAt, "polledAt");
        tasks = List.copyOf(tasks);
    }

    /** {@return the tasks of one job} */
    public List<TaskState> tasksOf(String jobId) {
        return tasks.stream().filter(t -> t.jobId().equals(jobId)).toList();
    }

    /** {@return one task of an array job, if Slurm reported it} */
    public Optional<TaskState> task(String jobId, int taskId) {
        return tasks.stream()
                .filter(t -> t.jobId().equals(jobId)
                        && t.taskId().isPresent()
                        && t.taskId().getAsInt() == taskId)
                .findFirst();
    }

    /** {@return whether any task of the job is still pending or running} */
    public boolean anyActive(String jobId) {
        return tasksOf(jobId).stream().anyMatch(TaskState::active);
    }
}
