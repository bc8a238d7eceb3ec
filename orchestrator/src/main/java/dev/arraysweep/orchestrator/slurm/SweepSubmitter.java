package dev.arraysweep.orchestrator.slurm;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.model.Sweep;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.orchestrator.grid.SlurmSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Submits the runs of a stored sweep that need running as Slurm job arrays, and records each array in the
 * database ({@code submission}, and its job id on the runs).
 *
 * <p>Planning reads only: it chooses the runs ({@link RunSelection}), splits them into arrays
 * ({@link ArrayPlanner}) and renders nothing yet, so a dry run shows exactly what would be submitted.
 */
public final class SweepSubmitter {
    private final Database db;
    private final Slurm slurm;
    private final Clock clock;
    private final Duration stale;

    public SweepSubmitter(Database db, Slurm slurm, Clock clock, Duration stale) {
        this.db = db;
        this.slurm = slurm;
        this.clock = clock;
        this.stale = stale;
    }

    /**
     * What to submit.
     *
     * @param states the states whose runs are submitted, when {@code indices} is null
     * @param indices exactly these array indices, or null
     * @param verb the command's name for messages ("submit", "resubmit")
     * @param hint what to do when nothing needs running
     * @param maxArrayTasks at most this many tasks per array (a user limit); 0 = none
     * @param workerCommand the worker's command line, one program with its arguments
     */
    public record Request(
            Set<RunState> states,
            List<Integer> indices,
            String verb,
            String hint,
            int maxArrayTasks,
            String workerCommand,
            boolean dryRun) {}

    /**
     * A planned submission.
     *
     * @param selection the runs and why
     * @param arrays one batch-script spec per array
     * @param firstScript the number of the first {@code submit-N.sbatch} it will write
     * @param slurmKnown whether Slurm could be asked (MaxArraySize, queued tasks); false in a dry run without it
     * @param slurmProblem why Slurm could not be asked in a dry run (not installed, or not answering)
     */
    public record Plan(
            Sweep sweep,
            RunSelection selection,
            List<SbatchSpec> arrays,
            int firstScript,
            boolean slurmKnown,
            String slurmProblem) {}

    /**
     * {@return the arrays that would submit the runs of {@code request}}
     *
     * @param ws the orchestrator's work directory and database
     * @param settings the sweep's {@code slurm:} block; its {@code db_url}, if set, is the workers' database
     */
    public Plan plan(Sweep sweep, SlurmSettings settings, Workspace ws, Request request) {
        boolean slurmKnown = slurm.installed();
        String slurmProblem = slurmKnown ? null : "Slurm is not installed here";
        List<Run> runs = db.runs().bySweep(sweep.id());
        SubmittedTasks tasks = SubmittedTasks.none();
        int maxArraySize = ArrayPlanner.DEFAULT_MAX_ARRAY_SIZE;
        if (slurmKnown) {
            try {
                tasks = SubmittedTasks.poll(slurm, db.submissions().forSweep(sweep.id()), runs);
                maxArraySize = slurm.maxArraySize();
            } catch (ExitException e) {
                if (!request.dryRun()) {
                    throw e;
                }
                slurmKnown = false; // a dry run shows the plan without the cluster, and says so
                slurmProblem = "Slurm did not answer (" + e.getMessage() + ")";
            }
        }
        RunSelection selection = request.indices() == null
                ? RunSelection.byState(runs, request.states(), tasks, request.verb(), request.hint())
                : RunSelection.exactly(runs, request.indices(), tasks, clock.instant(), stale);
        Workspace workers = new Workspace(ws.root(), settings.dbUrl() != null ? settings.dbUrl() : ws.dbUrl());
        SbatchSpec base = new SbatchSpec(
                sweep.name(), sweep.name(), settings, ArrayChunk.ofRange(0, 0), workers, request.workerCommand());
        List<ArrayChunk> chunks =
                ArrayPlanner.forCluster(maxArraySize, request.maxArrayTasks()).plan(selection.indices());
        List<ArrayLimit> limits = ArrayLimit.share(settings.maxConcurrent(), chunks.size());
        List<SbatchSpec> arrays = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            arrays.add(base.withArray(chunks.get(i)).withLimit(limits.get(i)));
        }
        return new Plan(
                sweep, selection, arrays, ArraySubmitter.nextScriptNumber(ws, sweep.name()), slurmKnown, slurmProblem);
    }

    /**
     * Writes and submits the planned scripts; each accepted array is recorded at once, so that a refusal of a
     * later one loses no record.
     *
     * @return the accepted arrays
     */
    public List<SubmittedArray> submit(Plan plan) {
        return new ArraySubmitter(slurm).submit(plan.arrays(), a -> db.submissions()
                .record(
                        plan.sweep().id(),
                        a.jobId(),
                        arraySpec(plan, a.array()),
                        a.array().offset(),
                        a.script().toString(),
                        a.array().runIndices()));
    }

    /** {@return the {@code --array} value of one planned array, with its throttle} */
    public static String arraySpec(Plan plan, ArrayChunk array) {
        return SbatchScript.arrayOption(plan.arrays().stream()
                .filter(s -> s.array().equals(array))
                .findFirst()
                .orElseThrow());
    }
}
