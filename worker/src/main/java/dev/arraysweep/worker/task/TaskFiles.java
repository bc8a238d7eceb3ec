package dev.arraysweep.worker.task;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.task.TaskFile;

/** Finds the task file a worker starts from: in the work directory, or, writing live, from the database. */
final class TaskFiles {
    private TaskFiles() {}

    /**
     * {@return the task of run {@code index} of {@code sweep}}: its file in the work directory; when there is none
     * and a server database is configured, the run as the database stores it (the file is then written)
     *
     * @throws ExitException bad input (2) when neither knows the run, naming the stored sweeps when the database
     *     has none of that name
     */
    static TaskFile find(Workspace ws, String sweep, int index, Database live) {
        var file = TaskFile.read(ws.taskFile(sweep, index));
        if (file.isPresent()) {
            return file.get();
        }
        if (live != null) {
            try {
                var run = live.runs().find(sweep, index);
                if (run.isPresent()) {
                    TaskFile t = TaskFile.of(sweep, run.get());
                    t.write(ws.taskFile(sweep, index));
                    return t;
                }
                live.sweeps().require(sweep);
                throw ExitException.badInput("sweep '" + sweep + "' has no array index " + index + " in " + live.url());
            } catch (ExitException e) {
                throw e;
            } catch (RuntimeException e) {
                // unreachable: say what the work directory lacks
            }
        }
        throw ExitException.badInput("no task file " + ws.taskFile(sweep, index) + ": the work directory "
                + ws.root() + " has no run " + index + " of sweep '" + sweep + "'; expand the sweep there with"
                + " `arraysweep expand FILE.yaml` (check --workdir / ARRAYSWEEP_WORKDIR and the index)");
    }
}
