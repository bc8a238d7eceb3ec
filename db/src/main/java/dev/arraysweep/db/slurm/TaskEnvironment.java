package dev.arraysweep.db.slurm;

import dev.arraysweep.db.EnvValues;
import dev.arraysweep.db.ExitException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Slurm array task a worker runs as, read from its environment, and the run index it stands for.
 *
 * <p>The run index is {@code SLURM_ARRAY_TASK_ID + ARRAYSWEEP_INDEX_OFFSET}: Slurm task ids must
 * stay below the cluster's {@code MaxArraySize}, so runs beyond it are submitted as arrays whose task
 * ids are shifted down by an offset that the batch script exports.
 *
 * @param arrayTaskId {@code SLURM_ARRAY_TASK_ID}, or the {@code --index} given on the command line
 * @param indexOffset {@code ARRAYSWEEP_INDEX_OFFSET}, 0 when unset
 * @param restartCount {@code SLURM_RESTART_COUNT}: how often Slurm requeued this task, 0 when unset
 * @param jobId {@code SLURM_JOB_ID}: the task's own job id
 * @param arrayJobId {@code SLURM_ARRAY_JOB_ID}: the id that {@code sbatch} printed for the array
 * @param nodeName {@code SLURMD_NODENAME}
 */
public record TaskEnvironment(
        int arrayTaskId,
        int indexOffset,
        int restartCount,
        Optional<String> jobId,
        Optional<String> arrayJobId,
        Optional<String> nodeName) {

    /** Environment variable that carries the run index of task id 0 of the array. */
    public static final String INDEX_OFFSET = "ARRAYSWEEP_INDEX_OFFSET";

    /**
     * Exit status by which a worker says "checkpointed, requeue me"; the batch script then runs
     * {@code scontrol requeue} for the task (Slurm requeues by itself only on preemption or node
     * failure, not when a task ends early because its time limit is near).
     */
    public static final int REQUEUE_EXIT_CODE = 75;

    /**
     * Environment variable with the seconds after which a running run's heartbeat counts as stale: a
     * worker may then take the run over, and {@code arraysweep status} may mark it lost.
     */
    public static final String STALE_SECONDS_ENV = "ARRAYSWEEP_STALE_SECONDS";
    /** Heartbeat age after which a running run counts as stale when the environment does not say. */
    public static final Duration DEFAULT_STALE = Duration.ofSeconds(300);

    public TaskEnvironment {
        requireNonNegative("SLURM_ARRAY_TASK_ID", arrayTaskId);
        requireNonNegative(INDEX_OFFSET, indexOffset);
        requireNonNegative("SLURM_RESTART_COUNT", restartCount);
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(arrayJobId, "arrayJobId");
        Objects.requireNonNull(nodeName, "nodeName");
        if ((long) arrayTaskId + indexOffset > Integer.MAX_VALUE) {
            throw ExitException.badInput("run index SLURM_ARRAY_TASK_ID=" + arrayTaskId + " + " + INDEX_OFFSET + "="
                    + indexOffset + " is too large");
        }
    }

    /**
     * {@return the task described by the Slurm variables in {@code env}}
     *
     * @throws ExitException (bad input) when {@code SLURM_ARRAY_TASK_ID} is missing or a variable
     *     is not a number
     */
    public static TaskEnvironment fromEnv(Map<String, String> env) {
        String taskId = blankToNull(env.get("SLURM_ARRAY_TASK_ID"));
        if (taskId == null) {
            throw ExitException.badInput("SLURM_ARRAY_TASK_ID is not set: pass --index N to choose the run,"
                    + " or run the worker as a task of 'sbatch --array'");
        }
        return fromEnv(parse(env, "SLURM_ARRAY_TASK_ID", taskId), parse(env, INDEX_OFFSET, "0"), env);
    }

    /**
     * {@return the task for an index chosen on the command line ({@code --index N}), with Slurm's job
     * ids and node taken from {@code env} where present}; {@code ARRAYSWEEP_INDEX_OFFSET} is ignored
     * because N already is the run index
     */
    public static TaskEnvironment forIndex(int runIndex, Map<String, String> env) {
        return fromEnv(runIndex, 0, env);
    }

    private static TaskEnvironment fromEnv(int taskId, int offset, Map<String, String> env) {
        return new TaskEnvironment(
                taskId,
                offset,
                parse(env, "SLURM_RESTART_COUNT", "0"),
                optional(env, "SLURM_JOB_ID"),
                optional(env, "SLURM_ARRAY_JOB_ID"),
                optional(env, "SLURMD_NODENAME"));
    }

    /**
     * {@return the heartbeat age after which a running run counts as stale: {@code ARRAYSWEEP_STALE_SECONDS}
     * from {@code env}, else {@link #DEFAULT_STALE}}
     */
    public static Duration staleAfter(Map<String, String> env) {
        return EnvValues.seconds(env, STALE_SECONDS_ENV, DEFAULT_STALE);
    }

    /** {@return the run's array index in its sweep: the Slurm task id plus the offset} */
    public int runIndex() {
        return arrayTaskId + indexOffset;
    }

    /** {@return how Slurm names this task, such as {@code 4711_3}, or the job id alone outside an array} */
    public Optional<String> slurmTaskName() {
        return arrayJobId.map(a -> a + "_" + arrayTaskId).or(() -> jobId);
    }

    private static int parse(Map<String, String> env, String name, String fallback) {
        String value = Optional.ofNullable(blankToNull(env.get(name))).orElse(fallback);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ExitException.badInput(name + "='" + value + "' is not a whole number");
        }
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        return Optional.ofNullable(blankToNull(env.get(name))).map(String::trim);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void requireNonNegative(String name, int value) {
        if (value < 0) {
            throw ExitException.badInput(name + "=" + value + " must not be negative");
        }
    }
}
