package dev.arraysweep.orchestrator.slurm;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the batch script of each planned array under the sweep's folder and submits it.
 *
 * <p>Scripts are numbered on from the highest {@code submit-N.sbatch} already there, so earlier
 * submissions stay readable. The log folder is created first: {@code sbatch} does not create it,
 * and a task whose {@code --output} folder is missing fails without a trace.
 */
public final class ArraySubmitter {

    private final Slurm slurm;

    public ArraySubmitter(Slurm slurm) {
        this.slurm = slurm;
    }

    /**
     * Renders and submits one script per spec, in order.
     *
     * @param specs one per array, all of the same sweep and work directory
     * @param accepted told of each array as soon as Slurm accepted it, before the next is submitted, so
     *     that a later refusal cannot lose the record of an earlier submission
     * @return the accepted arrays with their job ids
     * @throws ExitException when one is refused; its message lists the arrays submitted before it
     */
    public List<SubmittedArray> submit(List<SbatchSpec> specs, Consumer<SubmittedArray> accepted) {
        if (specs.isEmpty()) {
            throw ExitException.wrongState("nothing to submit: no run of the sweep needs running");
        }
        SbatchSpec first = specs.get(0);
        if (specs.stream()
                .anyMatch(
                        s -> !s.sweep().equals(first.sweep()) || !s.workspace().equals(first.workspace()))) {
            throw new IllegalArgumentException("all arrays of one submission must share sweep and work directory");
        }
        Workspace ws = first.workspace();
        String sweep = first.sweep();
        List<SubmittedArray> done = new ArrayList<>();
        try {
            Files.createDirectories(ws.logDir(sweep));
            int n = lastScriptNumber(ws.sweepDir(sweep));
            for (SbatchSpec planned : specs) {
                Integer after = planned.limit().afterArray();
                SbatchSpec spec = after == null
                        ? planned
                        : planned.withLimit(
                                planned.limit().after(done.get(after).jobId()));
                Path script = ws.submitScript(sweep, ++n);
                Files.writeString(script, SbatchScript.render(spec), StandardCharsets.UTF_8);
                SubmittedArray array = new SubmittedArray(slurm.submit(script), spec.array(), script);
                done.add(array);
                accepted.accept(array);
            }
        } catch (IOException e) {
            throw withSubmitted(
                    ExitException.failure("cannot write under " + ws.sweepDir(sweep) + ": " + e.getMessage(), e), done);
        } catch (ExitException e) {
            throw withSubmitted(e, done);
        }
        return List.copyOf(done);
    }

    /** {@return the number of the next {@code submit-N.sbatch} of a sweep, without writing anything} */
    public static int nextScriptNumber(Workspace ws, String sweep) {
        try {
            return Files.isDirectory(ws.sweepDir(sweep)) ? lastScriptNumber(ws.sweepDir(sweep)) + 1 : 1;
        } catch (IOException e) {
            throw ExitException.failure("cannot list " + ws.sweepDir(sweep) + ": " + e.getMessage(), e);
        }
    }

    private static int lastScriptNumber(Path sweepDir) throws IOException {
        try (Stream<Path> files = Files.list(sweepDir)) {
            return files.mapToInt(Workspace::submitScriptNumber).max().orElse(0);
        }
    }

    private static ExitException withSubmitted(ExitException e, List<SubmittedArray> done) {
        if (done.isEmpty()) {
            return e;
        }
        String submitted = done.stream()
                .map(a -> "job " + a.jobId() + " (runs "
                        + a.array().runs().stream().map(r -> r.spec(0)).collect(Collectors.joining(",")) + ")")
                .collect(Collectors.joining(", "));
        return new ExitException(e.exitCode(), e.getMessage() + "; already submitted before this: " + submitted, e);
    }
}
