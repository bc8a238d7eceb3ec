package dev.arraysweep.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The work directory shared by the orchestrator and its workers, and every file-name pattern in it.
 *
 * <p>Layout: {@code arraysweep.mv.db} (the embedded H2 database), {@code runs/<sweep>/journal/<index>.jsonl}
 * (append-only event journals), {@code runs/<sweep>/checkpoints/<index>/} (resumable state),
 * {@code runs/<sweep>/logs/<arrayjob>_<task>.out} (output of one Slurm array task),
 * {@code runs/<sweep>/logs/local-<index>.out} (output of a {@code run-local} worker),
 * {@code runs/<sweep>/submit-<n>.sbatch} (rendered batch scripts, numbered 1, 2, ...).
 */
public record Workspace(Path root, String dbUrl) {
    /** Environment variable naming the work directory. */
    public static final String WORKDIR_ENV = "ARRAYSWEEP_WORKDIR";
    /** Environment variable naming the JDBC URL of the results database. */
    public static final String DB_ENV = "ARRAYSWEEP_DB";
    /** Work directory used when neither a flag nor the environment names one. */
    public static final String DEFAULT_WORKDIR = "arraysweep-work";

    public Workspace {
        root = root.toAbsolutePath().normalize();
        if (dbUrl == null || dbUrl.isBlank()) {
            dbUrl = embeddedUrl(root);
        }
    }

    /**
     * {@return the workspace named by flags, else by the environment, else the defaults}
     *
     * @param workdirFlag value of {@code --workdir}, or null
     * @param dbFlag value of {@code --db}, or null
     * @param env the process environment
     */
    public static Workspace resolve(String workdirFlag, String dbFlag, Map<String, String> env) {
        String dir = firstNonBlank(workdirFlag, env.get(WORKDIR_ENV), DEFAULT_WORKDIR);
        String db = firstNonBlank(dbFlag, env.get(DB_ENV), null);
        return new Workspace(Path.of(dir), db);
    }

    /**
     * {@return the embedded-file JDBC URL for a work directory}: commands take turns with it (one process at a
     * time, see {@code Database.open}); workers never open it, they journal
     */
    public static String embeddedUrl(Path root) {
        return "jdbc:h2:file:" + databaseFile(root);
    }

    /** {@return the H2 database of a work directory as H2 names it: the path without {@code .mv.db}} */
    public static Path databaseFile(Path root) {
        return root.toAbsolutePath().normalize().resolve("arraysweep");
    }

    /** {@return the file the embedded database lives in ({@code arraysweep.mv.db})} */
    public Path databaseFileOnDisk() {
        Path base = databaseFile(root);
        return base.resolveSibling(base.getFileName() + ".mv.db");
    }

    /**
     * {@return whether there is a database to read}: a server's always counts; the embedded one only once its
     * file exists, so that a command that only reads need not create it
     */
    public boolean hasDatabase() {
        return !embedded() || Files.exists(databaseFileOnDisk());
    }

    /** {@return whether the database is the embedded file of this work directory} */
    public boolean embedded() {
        return dbUrl.equals(embeddedUrl(root));
    }

    /** {@return the folder of one sweep's files} */
    public Path sweepDir(String sweep) {
        return root.resolve("runs").resolve(sweep);
    }

    /** {@return the folder holding every journal of a sweep} */
    public Path journalDir(String sweep) {
        return sweepDir(sweep).resolve("journal");
    }

    /** {@return the journal of one array index} */
    public Path journal(String sweep, int index) {
        return journalDir(sweep).resolve(index + ".jsonl");
    }

    /** {@return the task file of one array index: the run's id, hash and parameters, for a worker to start from} */
    public Path taskFile(String sweep, int index) {
        return sweepDir(sweep).resolve("tasks").resolve(index + ".json");
    }

    /** {@return the lock file that the worker training one array index holds} */
    public Path runLock(String sweep, int index) {
        return runLockIn(root.resolve("runs"), sweep, index);
    }

    /** {@return the lock file of one array index under a work directory's {@code runs} folder} */
    public static Path runLockIn(Path runsRoot, String sweep, int index) {
        return runsRoot.resolve(sweep).resolve("locks").resolve(index + ".lock");
    }

    /** {@return the checkpoint folder of one array index} */
    public Path checkpointDir(String sweep, int index) {
        return sweepDir(sweep).resolve("checkpoints").resolve(Integer.toString(index));
    }

    /** {@return the folder of the model files one array index keeps when its run is done} */
    public Path modelDir(String sweep, int index) {
        return sweepDir(sweep).resolve("models").resolve(Integer.toString(index));
    }

    /** {@return the folder of worker logs of a sweep} */
    public Path logDir(String sweep) {
        return sweepDir(sweep).resolve("logs");
    }

    /**
     * {@return the {@code --output} pattern of a sweep's array tasks: Slurm replaces {@code %A} by the array
     * job id and {@code %a} by the task id; {@code sbatch} does not create the folder}
     */
    public String logPattern(String sweep) {
        return logDir(sweep).resolve("%A_%a.out").toString();
    }

    /** {@return the log of one Slurm array task, as {@link #logPattern} names it} */
    public Path taskLog(String sweep, String arrayJobId, int taskId) {
        return logDir(sweep).resolve(arrayJobId + "_" + taskId + ".out");
    }

    /** {@return the log of a worker that {@code run-local} started for one array index} */
    public Path localLog(String sweep, int index) {
        return logDir(sweep).resolve("local-" + index + ".out");
    }

    /** {@return the rendered sbatch script of the n-th submission of a sweep} */
    public Path submitScript(String sweep, int n) {
        return sweepDir(sweep).resolve("submit-" + n + ".sbatch");
    }

    /** {@return the number in a {@link #submitScript} file name, or 0 for other names} */
    public static int submitScriptNumber(Path file) {
        String name = file.getFileName().toString();
        if (name.matches("submit-[0-9]{1,9}\\.sbatch")) {
            return Integer.parseInt(name.substring("submit-".length(), name.length() - ".sbatch".length()));
        }
        return 0;
    }

    private static String firstNonBlank(String a, String b, String c) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b;
        }
        return c;
    }
}
