package dev.arraysweep.orchestrator.slurm;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.orchestrator.grid.SlurmSettings;
import java.util.Objects;

/**
 * Everything {@link SbatchScript} needs to render the batch script of one job array.
 *
 * @param sweep the sweep name ({@code [a-z0-9-]+}); names the folders of scripts and logs
 * @param jobName {@code --job-name}, as {@code squeue} shows it
 * @param slurm the sweep's resources and limits
 * @param array the runs of this array and their index offset
 * @param workspace the work directory, where the tasks start and whose names the script uses, and the
 *     JDBC URL the workers write to (exported as {@code ARRAYSWEEP_DB})
 * @param workerCommand one program with its arguments, such as {@code /opt/arraysweep/bin/worker run
 *     --sweep demo}; run as the batch shell's child so that forwarded signals reach it (a launcher
 *     script must end with {@code exec java ...} for the same reason)
 */
public record SbatchSpec(
        String sweep,
        String jobName,
        SlurmSettings slurm,
        ArrayChunk array,
        Workspace workspace,
        String workerCommand,
        ArrayLimit limit) {

    /** The spec of a lone array: the sweep's own {@code max_concurrent}, nothing to wait for. */
    public SbatchSpec(
            String sweep,
            String jobName,
            SlurmSettings slurm,
            ArrayChunk array,
            Workspace workspace,
            String workerCommand) {
        this(sweep, jobName, slurm, array, workspace, workerCommand, ArrayLimit.of(slurm.maxConcurrent()));
    }

    public SbatchSpec {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(slurm, "slurm");
        Objects.requireNonNull(array, "array");
        Objects.requireNonNull(workspace, "workspace");
        if (sweep == null || !sweep.matches("[a-z0-9-]+")) {
            throw ExitException.badInput("sweep name '" + sweep + "' must match [a-z0-9-]+");
        }
        if (jobName == null || !jobName.matches("[A-Za-z0-9._-]+")) {
            throw ExitException.badInput("job name '" + jobName + "' must be letters, digits, '.', '_' or '-'");
        }
        if (!workspace.root().toString().matches("[^\\s'\"\\\\%]+")) {
            throw ExitException.badInput(
                    "work directory '" + workspace.root() + "' contains a space, quote, '\\' or '%',"
                            + " which #SBATCH lines cannot carry; use a work directory without them");
        }
        if (!workspace.dbUrl().startsWith("jdbc:") || workspace.dbUrl().contains("\n")) {
            throw ExitException.badInput(
                    "database URL '" + workspace.dbUrl() + "' must be one line starting with jdbc:");
        }
        requireSimpleCommand(workerCommand);
    }

    /** {@return a copy for another array of the same sweep} */
    public SbatchSpec withArray(ArrayChunk other) {
        return new SbatchSpec(sweep, jobName, slurm, other, workspace, workerCommand, limit);
    }

    /** {@return a copy with another limit} */
    public SbatchSpec withLimit(ArrayLimit other) {
        return new SbatchSpec(sweep, jobName, slurm, array, workspace, workerCommand, other);
    }

    /**
     * Rejects command lines that the shell would not start as one process: after {@code CMD &} the
     * batch script forwards USR1/TERM to {@code $!}, which must be the worker itself.
     */
    private static void requireSimpleCommand(String command) {
        if (command == null || command.isBlank()) {
            throw ExitException.badInput("worker command is empty");
        }
        char quote = 0;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (";&|\n()".indexOf(c) >= 0) {
                throw ExitException.badInput("worker command '" + command + "' contains '" + (c == '\n' ? "\\n" : c)
                        + "': it must be one program with arguments so that USR1/TERM reach it;"
                        + " put several steps into a script that ends with exec");
            }
        }
        if (quote != 0) {
            throw ExitException.badInput("worker command '" + command + "' has an unclosed " + quote);
        }
    }
}
