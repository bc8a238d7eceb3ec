package dev.arraysweep.orchestrator.slurm;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses what {@code sbatch}, {@code squeue}, {@code sacct} and {@code scontrol} print. */
final class SlurmOutput {

    /** {@code squeue} format: job id ({@code 123_4} for a task), long state, node list. */
    static final String SQUEUE_FORMAT = "%i|%T|%N";
    /** {@code sacct --format}, with {@code --parsable2} the fields come out separated by '|'. */
    static final String SACCT_FORMAT = "JobID,State,NodeList";

    private static final Pattern JOB_ID = Pattern.compile("([0-9]+)(?:_([0-9]+))?");
    private static final Pattern SUBMITTED = Pattern.compile("([0-9]+)(?:;\\S*)?");
    private static final Pattern MAX_ARRAY_SIZE = Pattern.compile("(?m)^MaxArraySize\\s*=\\s*([0-9]+)\\s*$");

    private SlurmOutput() {}

    /** {@return the job id from {@code sbatch --parsable} output ({@code 123} or {@code 123;cluster}), or null} */
    static String submittedJobId(String stdout) {
        for (String line : stdout.strip().split("\n")) {
            Matcher m = SUBMITTED.matcher(line.strip());
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** {@return {@code MaxArraySize} from {@code scontrol show config}, or the default when absent} */
    static int maxArraySize(String stdout) {
        Matcher m = MAX_ARRAY_SIZE.matcher(stdout);
        return m.find() ? Integer.parseInt(m.group(1)) : ArrayPlanner.DEFAULT_MAX_ARRAY_SIZE;
    }

    /**
     * {@return the tasks in {@code squeue -h -r -o '%i|%T|%N'} or {@code sacct -n -X -P -o
     * JobID,State,NodeList} output}; states such as {@code CANCELLED by 0} keep their first word,
     * and rows that are not one task ({@code 123_[4-9%2]}, {@code 123.batch}) are skipped
     */
    static List<TaskState> tasks(String stdout) {
        List<TaskState> tasks = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length < 2) {
                continue;
            }
            Matcher id = JOB_ID.matcher(f[0].strip());
            if (!id.matches()) {
                continue; // 123_[4-9%2], 123.batch: not one task
            }
            OptionalInt task =
                    id.group(2) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(id.group(2)));
            String state = f[1].strip().split("\\s+")[0];
            String node = f.length > 2 ? f[2].strip() : "";
            if (node.equals("None assigned") || node.startsWith("(")) {
                node = "";
            }
            tasks.add(new TaskState(id.group(1), task, state, node));
        }
        return tasks;
    }
}
