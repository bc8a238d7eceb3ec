package dev.arraysweep.orchestrator.slurm;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What Slurm says about one array task (or one job outside an array).
 *
 * @param jobId the array job id, or the job id outside an array
 * @param taskId the array task id; empty outside an array
 * @param state Slurm's state name, such as {@code PENDING}, {@code RUNNING}, {@code COMPLETED}
 * @param node the node it runs or ran on; empty when none yet
 */
public record TaskState(String jobId, OptionalInt taskId, String state, String node) {

    private static final Set<String> FINISHED = Set.of(
            "BOOT_FAIL",
            "CANCELLED",
            "COMPLETED",
            "DEADLINE",
            "FAILED",
            "NODE_FAIL",
            "OUT_OF_MEMORY",
            "PREEMPTED",
            "REVOKED",
            "TIMEOUT");

    public TaskState {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(state, "state");
        node = node == null ? "" : node;
    }

    /** {@return how Slurm names the task: {@code 4711_3}, or {@code 4711} outside an array} */
    public String name() {
        return taskId.isPresent() ? jobId + "_" + taskId.getAsInt() : jobId;
    }

    /** {@return whether Slurm is done with the task: it will not run (again) unless resubmitted} */
    public boolean finished() {
        return FINISHED.contains(state);
    }

    /** {@return whether the task is pending, running, requeued or otherwise still in Slurm's hands} */
    public boolean active() {
        return !finished();
    }
}
