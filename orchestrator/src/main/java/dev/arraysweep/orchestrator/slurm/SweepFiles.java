package dev.arraysweep.orchestrator.slurm;

import dev.arraysweep.db.ExitException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a sweep's Slurm files live under the work directory: the one owner of these names.
 *
 * <pre>
 * WORKDIR/runs/SWEEP/submit-N.sbatch            rendered batch scripts, N = 1, 2, ...
 * WORKDIR/runs/SWEEP/logs/ARRAYJOB_TASK.out     stdout and stderr of one array task (%A_%a.out)
 * </pre>
 *
 * @param workDir the absolute work directory
 * @param sweep the sweep name
 */
public record SweepFiles(Path workDir, String sweep) {

    public SweepFiles {
        Objects.requireNonNull(workDir, "workDir");
        if (!workDir.isAbsolute()) {
            throw ExitException.badInput("work directory '" + workDir + "' must be an absolute path");
        }
        if (sweep == null || !sweep.matches("[a-z0-9-]+")) {
            throw ExitException.badInput("sweep name '" + sweep + "' must match [a-z0-9-]+");
        }
    }

    /** {@return the folder of the sweep's scripts and logs} */
    public Path sweepDir() {
        return workDir.resolve("runs").resolve(sweep);
    }

    /** {@return the folder of the task logs; it must exist before {@code sbatch}, which does not create it} */
    public Path logDir() {
        return sweepDir().resolve("logs");
    }

    /** {@return the {@code --output} pattern: Slurm replaces {@code %A} by the array job id, {@code %a} by the task id} */
    public String logPattern() {
        return logDir().resolve("%A_%a.out").toString();
    }

    /** {@return the log file of one task, as {@link #logPattern()} names it} */
    public Path taskLog(String arrayJobId, int taskId) {
        return logDir().resolve(arrayJobId + "_" + taskId + ".out");
    }

    /** {@return the path of the {@code n}-th rendered batch script} */
    public Path submitScript(int n) {
        return sweepDir().resolve("submit-" + n + ".sbatch");
    }

    /** {@return the number in a {@link #submitScript(int)} file name, or 0 for other names} */
    static int submitScriptNumber(Path file) {
        String name = file.getFileName().toString();
        if (name.matches("submit-[0-9]{1,9}\\.sbatch")) {
            return Integer.parseInt(name.substring("submit-".length(), name.length() - ".sbatch".length()));
        }
        return 0;
    }
}
