package dev.arraysweep.orchestrator.grid;

import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code slurm:} block of a sweep: what each array task asks of Slurm and how it is started.
 *
 * <p>Every field but {@code signalGrace} may be null, meaning "leave it to the cluster's default".
 *
 * @param partition {@code --partition}, e.g. {@code GPUQ}
 * @param gres {@code --gres}, e.g. {@code gpu:V100:1}
 * @param cpusPerTask {@code --cpus-per-task}, at least 1
 * @param mem {@code --mem}, e.g. {@code 32G} (a number with an optional K, M, G or T suffix)
 * @param time {@code --time} in a Slurm format: {@code MM}, {@code MM:SS}, {@code HH:MM:SS},
 *     {@code D-HH}, {@code D-HH:MM} or {@code D-HH:MM:SS}
 * @param maxConcurrent the {@code %N} limit on running array tasks, at least 1
 * @param signalGrace seconds between {@code USR1} and the time limit ({@code --signal=B:USR1@N}),
 *     1 to 65535, less than the time limit; default 120
 * @param setup a shell snippet run before the worker (modules, virtual environments)
 * @param dbUrl the H2 URL workers write to, when not the default embedded database
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

    /** The keys of the {@code slurm:} block, in the order of the fields. */
    public static final List<String> KEYS = List.of(
            "partition", "gres", "cpus_per_task", "mem", "time", "max_concurrent", "signal_grace", "setup", "db_url");
    /** The default of {@code signal_grace}, in seconds. */
    public static final int DEFAULT_SIGNAL_GRACE = 120;

    private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9_.,-]+");
    private static final Pattern GRES = Pattern.compile("[A-Za-z0-9_.:,/-]+");
    private static final Pattern MEM = Pattern.compile("[1-9][0-9]*[KMGTkmgt]?");
    private static final Pattern TIME =
            Pattern.compile("(?:(\\d+)-(\\d+)(?::(\\d+)(?::(\\d+))?)?)|(?:(\\d+)(?::(\\d+)(?::(\\d+))?)?)");

    public SlurmSettings {
        check(
                "partition",
                partition == null || PARTITION.matcher(partition).matches(),
                partition,
                "a partition name (letters, digits, _ . , -)");
        check("gres", gres == null || GRES.matcher(gres).matches(), gres, "a generic resource like gpu:V100:1");
        check("cpus_per_task", cpusPerTask == null || cpusPerTask >= 1, cpusPerTask, "an integer >= 1");
        check("mem", mem == null || MEM.matcher(mem).matches(), mem, "a size like 32G, 500M or 16000 (megabytes)");
        check(
                "time",
                time == null || TIME.matcher(time).matches(),
                time,
                "a Slurm time limit: MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS, e.g. \"2-00:00:00\"");
        check("max_concurrent", maxConcurrent == null || maxConcurrent >= 1, maxConcurrent, "an integer >= 1");
        check("signal_grace", signalGrace >= 1 && signalGrace <= 65535, signalGrace, "seconds from 1 to 65535");
        check("setup", setup == null || !setup.isBlank(), setup, "a shell snippet, or no setup key");
        check("db_url", dbUrl == null || dbUrl.startsWith("jdbc:h2:"), dbUrl, "an H2 JDBC URL starting with jdbc:h2:");
        long limit = timeSeconds(time).orElse(Long.MAX_VALUE);
        check(
                "signal_grace",
                signalGrace < limit,
                signalGrace,
                "fewer seconds than the time limit " + time + " (" + limit
                        + " s), so the worker can checkpoint before it");
    }

    /** {@return settings with every field left to the cluster and the default signal grace} */
    public static SlurmSettings defaults() {
        return new SlurmSettings(null, null, null, null, null, null, DEFAULT_SIGNAL_GRACE, null, null);
    }

    /** {@return the time limit in seconds, if one is set} */
    public OptionalLong timeLimitSeconds() {
        return timeSeconds(time);
    }

    private static OptionalLong timeSeconds(String time) {
        if (time == null) {
            return OptionalLong.empty();
        }
        Matcher m = TIME.matcher(time);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        if (m.group(1) != null) { // D-HH[:MM[:SS]]
            return OptionalLong.of(Long.parseLong(m.group(1)) * 86_400
                    + Long.parseLong(m.group(2)) * 3_600
                    + number(m.group(3)) * 60
                    + number(m.group(4)));
        }
        // MM, MM:SS or HH:MM:SS
        long a = Long.parseLong(m.group(5));
        if (m.group(7) != null) {
            return OptionalLong.of(a * 3_600 + Long.parseLong(m.group(6)) * 60 + Long.parseLong(m.group(7)));
        }
        return OptionalLong.of(a * 60 + number(m.group(6)));
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static void check(String key, boolean ok, Object value, String expected) {
        if (!ok) {
            throw new InvalidSetting(key, value, expected);
        }
    }

    /** A {@code slurm:} value that Slurm would refuse, naming the key so the parser can point at its line. */
    public static final class InvalidSetting extends IllegalArgumentException {
        private final String key;
        private final String detail;

        InvalidSetting(String key, Object value, String expected) {
            this(
                    key,
                    (value instanceof String ? "\"" + value + "\"" : value) + " is not allowed; expected " + expected
                            + ".");
        }

        private InvalidSetting(String key, String detail) {
            super(key + ": " + detail);
            this.key = key;
            this.detail = detail;
        }

        /** {@return the {@code slurm:} key of the bad value} */
        public String key() {
            return key;
        }

        /** {@return the message without the key} */
        public String detail() {
            return detail;
        }
    }
}
