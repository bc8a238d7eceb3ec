package dev.arraysweep.orchestrator.slurm;

import dev.arraysweep.db.ExitException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resources and limits a sweep asks Slurm for: its {@code slurm:} block.
 *
 * <p>Values are {@code null} when unset; unset values produce no {@code #SBATCH} line, so the
 * cluster's defaults apply.
 *
 * @param partition {@code --partition}, such as {@code GPUQ}, or null
 * @param gres {@code --gres}, such as {@code gpu:V100:1}, or null
 * @param cpusPerTask {@code --cpus-per-task}, at least 1, or null
 * @param mem {@code --mem} per node, such as {@code 32G} or {@code 4000M}, or null
 * @param time {@code --time}, such as {@code 2-00:00:00} or {@code 90}, or null
 * @param maxConcurrent tasks of one array that may run at once ({@code %N} on {@code --array}), or null
 * @param signalGrace seconds before the time limit at which the worker gets USR1 to checkpoint
 * @param setup shell lines run before the worker (module loads, {@code JAVA_HOME}), or null
 * @param dbUrl the JDBC URL the workers write to, or null for the orchestrator's database
 */
public record SlurmSettings(
        String partition,
        String gres,
        Integer cpusPerTask,
        String mem,
        String time,
        Integer maxConcurrent,
        int signalGrace,
        String setup,
        String dbUrl) {

    /** Default lead time of the checkpoint signal; Slurm may send it up to 60 s early. */
    public static final int DEFAULT_SIGNAL_GRACE = 120;

    private static final Pattern NAME_LIST = Pattern.compile("[A-Za-z0-9_.,-]+");
    private static final Pattern GRES = Pattern.compile("[A-Za-z0-9_.,:/-]+");
    private static final Pattern MEM = Pattern.compile("[0-9]+[KMGTkmgt]?");
    private static final Pattern TIME = Pattern.compile(
            "(?:(\\d+)-)?(\\d+)(?::(\\d+))?(?::(\\d+))?");

    public SlurmSettings {
        partition = blankToNull(partition);
        gres = blankToNull(gres);
        mem = blankToNull(mem);
        time = blankToNull(time);
        setup = blankToNull(setup);
        dbUrl = blankToNull(dbUrl);
        if (partition != null && !NAME_LIST.matcher(partition).matches()) {
            throw bad("slurm.partition='" + partition + "' is not a partition name (letters, digits, '_', '-', '.', ',')");
        }
        if (gres != null && !GRES.matcher(gres).matches()) {
            throw bad("slurm.gres='" + gres + "' is not a Slurm GRES such as gpu:1 or gpu:V100:1");
        }
        if (cpusPerTask != null && cpusPerTask < 1) {
            throw bad("slurm.cpus_per_task=" + cpusPerTask + " must be at least 1");
        }
        if (mem != null && !MEM.matcher(mem).matches()) {
            throw bad("slurm.mem='" + mem + "' is not a Slurm memory size such as 32G or 4000M");
        }
        if (maxConcurrent != null && maxConcurrent < 1) {
            throw bad("slurm.max_concurrent=" + maxConcurrent + " must be at least 1 (leave it out for no limit)");
        }
        if (signalGrace < 1 || signalGrace > 65535) {
            throw bad("slurm.signal_grace=" + signalGrace + " must be between 1 and 65535 seconds");
        }
        if (dbUrl != null && (!dbUrl.startsWith("jdbc:h2:") || dbUrl.contains("\n"))) {
            throw bad("slurm.db_url='" + dbUrl + "' is not an H2 JDBC URL such as jdbc:h2:tcp://HOST:9092//DIR/arraysweep");
        }
        long limit = time == null ? -1 : timeLimitSeconds(time);
        if (limit > 0 && signalGrace >= limit) {
            throw bad("slurm.signal_grace=" + signalGrace + " s is not shorter than slurm.time='" + time
                    + "'; the worker would be told to checkpoint before it starts");
        }
    }

    /** {@return settings with Slurm's defaults: nothing asked for, no throttle, no setup} */
    public static SlurmSettings defaults() {
        return new SlurmSettings(null, null, null, null, null, null, DEFAULT_SIGNAL_GRACE, null, null);
    }

    /**
     * {@return the time limit in seconds, or -1 for UNLIMITED/INFINITE}
     *
     * <p>Slurm's forms: {@code M}, {@code M:S}, {@code H:M:S}, {@code D-H}, {@code D-H:M}, {@code D-H:M:S}.
     */
    static long timeLimitSeconds(String time) {
        if (time.equalsIgnoreCase("UNLIMITED") || time.equalsIgnoreCase("INFINITE")) {
            return -1;
        }
        Matcher m = TIME.matcher(time);
        if (!m.matches()) {
            throw bad("slurm.time='" + time + "' is not a Slurm time limit such as 90 (minutes), 12:00:00 or 2-00:00:00");
        }
        long a = Long.parseLong(m.group(2));
        long b = m.group(3) == null ? -1 : Long.parseLong(m.group(3));
        long c = m.group(4) == null ? -1 : Long.parseLong(m.group(4));
        if (m.group(1) != null) { // D-H[:M[:S]]
            return Long.parseLong(m.group(1)) * 86400 + a * 3600 + Math.max(b, 0) * 60 + Math.max(c, 0);
        }
        if (c >= 0) { // H:M:S
            return a * 3600 + b * 60 + c;
        }
        return b >= 0 ? a * 60 + b : a * 60; // M:S or M
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static ExitException bad(String message) {
        return ExitException.badInput(message);
    }
}
