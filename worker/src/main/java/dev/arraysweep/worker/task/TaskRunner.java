package dev.arraysweep.worker.task;

import ai.djl.Device;
import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Plural;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.params.ParamException;
import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.slurm.TaskEnvironment;
import dev.arraysweep.db.task.TaskFile;
import dev.arraysweep.worker.data.Dataset;
import dev.arraysweep.worker.data.Datasets;
import dev.arraysweep.worker.data.Subset;
import dev.arraysweep.worker.models.ModelFiles;
import dev.arraysweep.worker.spec.Choices;
import dev.arraysweep.worker.spec.RunLimits;
import dev.arraysweep.worker.spec.RunSpec;
import dev.arraysweep.worker.spec.SubsetSpec;
import dev.arraysweep.worker.telemetry.DeviceTelemetry;
import dev.arraysweep.worker.train.EarlyStop;
import dev.arraysweep.worker.train.EpochListener;
import dev.arraysweep.worker.train.EpochResult;
import dev.arraysweep.worker.train.Trainer;
import dev.arraysweep.worker.train.TrainingDiverged;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs one array task in three steps: claim the run (its task file and lock, from the work directory, so no
 * database is needed to start), train it, and record every epoch and the outcome in the journal first and,
 * when a database server is configured, in the database as well. With the default embedded database the
 * worker never opens it: the orchestrator's commands ingest the journal.
 */
public final class TaskRunner {
    private final Workspace workspace;
    private final Map<String, String> env;
    private final PrintStream out;
    private final Clock clock;

    public TaskRunner(Workspace workspace, Map<String, String> env, PrintStream out) {
        this(workspace, env, out, Clock.systemUTC());
    }

    public TaskRunner(Workspace workspace, Map<String, String> env, PrintStream out, Clock clock) {
        this.workspace = workspace;
        this.env = env;
        this.out = out;
        this.clock = clock;
    }

    /** Identity of the process running the task, as Slurm (or run-local) describes it. */
    public record TaskInfo(String jobId, String arrayJobId, String node, int restartCount) {
        public TaskInfo(String jobId, String arrayJobId, String node) {
            this(jobId, arrayJobId, node, 0);
        }
    }

    /**
     * Runs the task at {@code index} of {@code sweep}. {@return 0 when the run is done,
     * {@link TaskEnvironment#REQUEUE_EXIT_CODE} when a signal stopped it after a checkpoint, or 1 when its
     * training diverged (recorded as {@code diverged})}; failures are thrown as ExitException
     */
    public int run(String sweep, int index, TaskInfo info) {
        return run(sweep, index, info, StopSignal.install(out));
    }

    int run(String sweep, int index, TaskInfo info, BooleanSupplier stop) {
        Database live =
                Database.isServerUrl(workspace.dbUrl()) ? Database.connectLater(workspace.dbUrl(), clock) : null;
        try {
            return run(sweep, index, info, stop, live);
        } finally {
            if (live != null) {
                live.close(); // the connection it kept for live writes
            }
        }
    }

    private int run(String sweep, int index, TaskInfo info, BooleanSupplier stop, Database live) {
        TaskFile task = TaskFiles.find(workspace, sweep, index, live);
        RunSpec spec = RunSpec.from(params(task));
        try (Claim claim = Claim.take(workspace, task, info, live, env, clock, out)) {
            try {
                return train(claim, spec, stop);
            } catch (RuntimeException | Error e) {
                String error = describe(e);
                claim.record(JournalEvent.FAILED, 0, List.of(), error);
                if (e instanceof ExitException ee) {
                    throw ee;
                }
                throw ExitException.failure("run " + index + " of " + sweep + " failed: " + error, e);
            }
        }
    }

    private int train(Claim claim, RunSpec spec, BooleanSupplier stop) {
        TaskFile task = claim.task();
        Device device = Devices.resolve(Choices.name(spec.device()));
        out.printf(
                "run %d of %s, attempt %d on %s: %s%n",
                task.index(), task.sweep(), claim.attempt(), device, task.paramsJson());
        try (DeviceTelemetry telemetry = DeviceTelemetry.start(device, env, out)) {
            return train(claim, spec, stop, device, telemetry);
        }
    }

    private int train(Claim claim, RunSpec spec, BooleanSupplier stop, Device device, DeviceTelemetry telemetry) {
        TaskFile task = claim.task();
        String dataset = Choices.name(spec.data().dataset());
        Path dataDir = DataDirs.resolve(dataset, spec.data().dataDir(), env);
        Dataset data = Datasets.load(dataset, dataDir);
        RunLimits limits = spec.limits();
        if (limits.trainLimit() != null || limits.testLimit() != null) {
            data = data.limit(
                    limits.trainLimit() == null ? Integer.MAX_VALUE : limits.trainLimit(),
                    limits.testLimit() == null ? Integer.MAX_VALUE : limits.testLimit());
        }
        SubsetSpec subset = spec.data().subset();
        if (subset.isPart()) {
            data = data.select(
                    Subset.choose(data, subset.classes(), subset.perClass(), subset.trainSubset(), subset.seed()));
        }
        Path checkpoints = workspace.checkpointDir(task.sweep(), task.index());
        Path models = workspace.modelDir(task.sweep(), task.index());
        Epochs epochs = new Epochs(claim, spec, checkpoints, models, telemetry);
        Optional<EarlyStop> early;
        try (Trainer trainer = new Trainer(spec, data, device)) {
            epochs.trainer = trainer;
            // a checkpoint of these parameters, or the final state of this run before its epochs were raised
            String key = params(task).hashWithout("epochs");
            epochs.key = key;
            int resumed = trainer.resumeFrom(checkpoints, List.of(key, task.paramsHash()));
            if (resumed >= 0) {
                epochs.done = resumed;
                int steps = trainer.stepsIntoEpoch();
                out.printf(
                        "resuming from the checkpoint in %s at epoch %d%s%n",
                        checkpoints, resumed + 1, steps == 0 ? "" : " after " + steps + " of its steps");
            }
            if (resumed < 0 || spec.keepBest().isEmpty()) {
                // best files of an earlier run at this index; a resumed run's are its own, its checkpoint knows them
                ModelFiles.deleteBest(models);
            }
            boolean finished;
            telemetry.startEpochs();
            try {
                finished = trainer.train(epochs, stop);
            } catch (TrainingDiverged d) {
                return diverged(claim, d, epochs.done, checkpoints);
            }
            if (!finished) {
                trainer.saveCheckpoint(checkpoints, key);
                int steps = trainer.stepsIntoEpoch();
                String why = "stopped by " + (stop instanceof StopSignal s ? s.name() : "request") + " after "
                        + Plural.of(epochs.done, "epoch")
                        + (steps == 0 ? "" : " and " + Plural.of(steps, "step") + " of epoch " + (epochs.done + 1))
                        + "; checkpoint in " + checkpoints;
                claim.record(JournalEvent.PREEMPTED, epochs.done, List.of(), why);
                out.println(why + "; exiting with " + TaskEnvironment.REQUEUE_EXIT_CODE + " to be requeued");
                return TaskEnvironment.REQUEUE_EXIT_CODE;
            }
            early = trainer.earlyStop();
            // the final state stays: raising the run's epochs later continues from it (expand extends)
            trainer.saveCheckpoint(checkpoints, key);
            ModelFiles.writeFinal(trainer.block(), spec.model(), models);
        }
        if (early.isPresent()) {
            claim.recordStoppedEarly(
                    epochs.done, early.get().epoch(), early.get().reason());
            out.printf(
                    "run %d of %s done: %s%n",
                    task.index(), task.sweep(), early.get().reason());
        } else {
            claim.record(JournalEvent.DONE, epochs.done, List.of(), null);
            out.printf("run %d of %s done%n", task.index(), task.sweep());
        }
        return 0;
    }

    /**
     * Ends a run whose training diverged: journals it as {@code diverged} with the epoch, step and value, and
     * leaves the checkpoint of the last finished epoch, written before the divergence, as it is.
     * {@return the exit code, 1: the task did not finish}
     */
    private int diverged(Claim claim, TrainingDiverged d, int epochsDone, Path checkpoints) {
        TaskFile task = claim.task();
        String why = d.getMessage() + "; "
                + (epochsDone == 0
                        ? "no epoch finished before it"
                        : "the checkpoint after epoch " + (epochsDone - 1) + " (" + epochsDone + " done) stays in "
                                + checkpoints);
        claim.record(JournalEvent.DIVERGED, epochsDone, List.of(), why);
        out.printf(
                "run %d of %s diverged: %s%n(a rerun with the same parameters diverges again; `arraysweep resubmit %s"
                        + " --states diverged` runs it anyway)%n",
                task.index(), task.sweep(), why, task.sweep());
        return ExitException.FAILURE;
    }

    /** Records each finished epoch, keeps the best epoch's model (keep_best) and checkpoints between epochs. */
    private final class Epochs implements EpochListener {
        private final Claim claim;
        private final RunSpec spec;
        private final Path checkpoints;
        private final Path models;
        private final DeviceTelemetry telemetry;
        private Trainer trainer;
        private int done;
        private String key;

        Epochs(Claim claim, RunSpec spec, Path checkpoints, Path models, DeviceTelemetry telemetry) {
            this.claim = claim;
            this.spec = spec;
            this.checkpoints = checkpoints;
            this.models = models;
            this.telemetry = telemetry;
        }

        @Override
        public void onEpoch(EpochResult result) {
            done = result.epoch() + 1;
            claim.epochsDone(done);
            claim.record(
                    JournalEvent.EPOCH,
                    done,
                    MetricRows.of(claim.task().runId(), claim.attempt(), result, telemetry.endEpoch()),
                    null);
            print(result, spec.limits().epochs());
            // before the checkpoint that records this epoch as the best: a run stopped in between writes it again
            trainer.keepIfBest(result.epoch(), models);
            if (done < spec.limits().epochs()) {
                trainer.saveCheckpoint(checkpoints, key);
            }
        }
    }

    private void print(EpochResult r, int epochs) {
        String train = r.train() == null
                ? "-"
                : String.format(
                        Locale.ROOT,
                        "acc %.4f loss %.4f",
                        r.train().accuracy(),
                        r.train().losses().mean());
        out.printf(
                Locale.ROOT,
                "epoch %d (%d/%d)  train %s | test acc %.4f loss %.4f | trained %d in %s"
                        + " (acceptance %.3f) | %.1f s%n",
                r.epoch(),
                r.epoch() + 1,
                epochs,
                train,
                r.test().accuracy(),
                r.test().losses().mean(),
                r.sampler().trained(),
                Plural.of(r.sampler().steps(), "step"),
                r.sampler().acceptanceRatio(),
                r.epochSeconds());
    }

    private static String describe(Throwable e) {
        String msg = e.getMessage();
        return e instanceof ExitException ? msg : e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    private static ParamValues params(TaskFile task) {
        try {
            return ParamValues.fromJson(task.paramsJson());
        } catch (ParamException e) {
            throw ExitException.badInput("run " + task.index() + " has parameters this worker cannot read: "
                    + e.getMessage() + " (was the sweep expanded by another arraysweep version?)");
        }
    }
}
