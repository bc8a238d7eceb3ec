package dev.arraysweep.orchestrator.slurm;

import dev.arraysweep.db.slurm.TaskEnvironment;
import dev.arraysweep.orchestrator.grid.SlurmSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders the batch script of one job array from {@code slurm/worker.sbatch}: a pure function of an
 * {@link SbatchSpec}.
 *
 * <p>The template's placeholders are {@code {{sweep}}}, {@code {{directives}}} (the {@code #SBATCH}
 * lines, sorted by option; options without a value are left out), {@code {{setup}}},
 * {@code {{db_url}}} and {@code {{work_dir}}} (shell-quoted), {@code {{index_offset}}},
 * {@code {{worker_command}}} (inserted as is) and {@code {{requeue_exit_code}}}.
 */
public final class SbatchScript {

    /**
     * Class-path location of the template, next to this class; {@code slurm/worker.sbatch} at the
     * repository root is a link to the same file.
     */
    public static final String TEMPLATE_RESOURCE = "worker.sbatch";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private SbatchScript() {}

    /** {@return the batch script for {@code spec}, from the bundled template} */
    public static String render(SbatchSpec spec) {
        return render(spec, bundledTemplate());
    }

    /**
     * {@return the batch script for {@code spec}, from {@code template}}
     *
     * @throws IllegalArgumentException when the template has a placeholder this class does not know
     */
    public static String render(SbatchSpec spec, String template) {
        Map<String, String> values = Map.of(
                "sweep", spec.sweep(),
                "directives", directives(spec),
                "setup",
                        spec.slurm().setup() == null
                                ? "# none; set slurm.setup in the sweep to load modules or set JAVA_HOME"
                                : spec.slurm().setup(),
                "db_url", shellQuote(spec.workspace().dbUrl()),
                "work_dir", shellQuote(spec.workspace().root().toString()),
                "index_offset", Integer.toString(spec.array().offset()),
                "worker_command", spec.workerCommand(),
                "requeue_exit_code", Integer.toString(TaskEnvironment.REQUEUE_EXIT_CODE));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("unknown placeholder " + m.group() + " in the sbatch template;"
                        + " known: " + new TreeMap<>(values).keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@return the {@code #SBATCH} lines, one per set option, sorted by option name} */
    static String directives(SbatchSpec spec) {
        SlurmSettings s = spec.slurm();
        Map<String, String> options = new TreeMap<>();
        options.put("array", arrayOption(spec));
        if (spec.limit().afterArray() != null) {
            options.put(
                    "dependency",
                    "afterany:"
                            + (spec.limit().afterJob() != null
                                    ? spec.limit().afterJob()
                                    : "JOB_OF_ARRAY_" + (spec.limit().afterArray() + 1)));
        }
        options.put("chdir", spec.workspace().root().toString());
        putIfSet(options, "cpus-per-task", s.cpusPerTask() == null ? null : Integer.toString(s.cpusPerTask()));
        putIfSet(options, "gres", s.gres());
        options.put("job-name", spec.jobName());
        putIfSet(options, "mem", s.mem());
        options.put("open-mode", "append"); // a requeued task appends to its log instead of wiping it
        options.put("output", spec.workspace().logPattern(spec.sweep()));
        putIfSet(options, "partition", s.partition());
        options.put("requeue", null);
        options.put("signal", "B:USR1@" + s.signalGrace());
        putIfSet(options, "time", s.time());
        return options.entrySet().stream()
                .map(e -> "#SBATCH --" + e.getKey() + (e.getValue() == null ? "" : "=" + e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    /** {@return the {@code --array} value: the task ids and the {@code %max_concurrent} throttle, if any} */
    public static String arrayOption(SbatchSpec spec) {
        Integer throttle = spec.limit().throttle();
        return spec.array().taskSpec() + (throttle == null ? "" : "%" + throttle);
    }

    /**
     * {@return {@code words} as one shell command line, each word quoted unless it is plain, for
     * {@link SbatchSpec#workerCommand()}}
     */
    public static String commandLine(List<String> words) {
        return words.stream()
                .map(w -> w.matches("[A-Za-z0-9_./:=@%+,-]+") ? w : shellQuote(w))
                .collect(Collectors.joining(" "));
    }

    /** {@return {@code s} as one single-quoted shell word} */
    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void putIfSet(Map<String, String> options, String key, String value) {
        if (value != null) {
            options.put(key, value);
        }
    }

    private static String bundledTemplate() {
        try (InputStream in = SbatchScript.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "sbatch template " + TEMPLATE_RESOURCE + " missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
