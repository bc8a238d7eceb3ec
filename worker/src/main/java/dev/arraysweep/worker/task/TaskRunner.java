package dev.arraysweep.worker.task;

import ai.djl.Device;
import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.Journal;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.params.ParamException;
import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.repo.ClaimResult;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.slurm.TaskEnvironment;
import dev.arraysweep.worker.data.Dataset;
import dev.arraysweep.worker.data.Datasets;
import dev.arraysweep.worker.train.EpochResult;
import dev.arraysweep.worker.train.RunSpec;
import dev.arraysweep.worker.train.Trainer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one array task: finds its run, claims it atomically, trains it, and records every epoch in the
 * journal first and the database second, so a database outage loses nothing (ingest replays the journal).
 */
public final class TaskRunner {
    private final Workspace workspace;
    private final Map<String, String> env;
    private final PrintStream out;

    public TaskRunner(Workspace workspace, Map<String, String> env, PrintStream out) {
        this.workspace = workspace;
        this.env = env;
        this.out = out;
    }

    /** Identity of the process running the task, as Slurm (or run-local) describes it. */
    public record TaskInfo(String jobId, String arrayJobId, String node, int restartCount) {
        public TaskInfo(String jobId, String arrayJobId, String node) {
            this(jobId, arrayJobId, node, 0);
        }
    }

    /**
     * Runs the task at {@code index} of {@code sweep}. {@return 0 when the run is done, or
     * {@link TaskEnvironment#REQUEUE_EXIT_CODE} when a signal stopped it after a checkpoint}; failures are
     * thrown as ExitException
     */
    public int run(String sweep, int index, TaskInfo info) {
        return run(sweep, index, info, StopSignal.install(out));
    }

    int run(String sweep, int index, TaskInfo info, java.util.function.BooleanSupplier stopSupplier) {
        StopSignal stop = stopSupplier instanceof StopSignal s ? s : null;
        java.util.function.BooleanSupplier stopNow = stopSupplier;
        Database db = Database.open(workspace.dbUrl(), java.time.Clock.systemUTC(), false);
        Run run = db.runs().find(sweep, index).orElseThrow(() -> noSuchRun(db, sweep, index));
        ParamValues params = params(run);
        RunSpec spec = RunSpec.from(params);
        String dataDirParam = params.has("data_dir") ? params.nullableString("data_dir") : null;
        Duration stale = TaskEnvironment.staleAfter(env);
        ClaimResult claim = db.runs().claim(run.id(), info.jobId(), info.arrayJobId(), info.node(), stale,
                info.restartCount() > 0);
        if (!claim.claimed()) {
            throw ExitException.wrongState(claim.refusal());
        }
        int attempt = claim.run().attempt();
        try (Journal journal = Journal.open(workspace.journal(sweep, index));
             Heartbeat heartbeat = Heartbeat.start(db, run.id(), attempt)) {
            journal.append(event(JournalEvent.CLAIM, sweep, index, run.id(), attempt, 0, List.of(), info.node()));
            DbWriter writer = new DbWriter(db, out);
            try {
                Path dataDir = DataDirs.resolve(spec.dataset(), dataDirParam, env);
                Device device = Devices.resolve(spec.device());
                out.printf("run %d of %s, attempt %d on %s: %s%n", index, sweep, attempt, device, run.paramsJson());
                Dataset data = Datasets.load(spec.dataset(), dataDir);
                if (spec.trainLimit() != null || spec.testLimit() != null) {
                    data = data.limit(spec.trainLimit() == null ? Integer.MAX_VALUE : spec.trainLimit(),
                            spec.testLimit() == null ? Integer.MAX_VALUE : spec.testLimit());
                }
                int[] done = {0};
                Path checkpoints = workspace.checkpointDir(sweep, index);
                try (Trainer trainer = new Trainer(spec, data, device)) {
                    int resumed = trainer.resumeFrom(checkpoints, run.paramsHash());
                    if (resumed >= 0) {
                        done[0] = resumed;
                        out.printf("resuming from the checkpoint in %s at epoch %d%n", checkpoints, resumed + 1);
                    }
                    boolean finished = trainer.train(result -> {
                        done[0] = result.epoch() + 1;
                        heartbeat.epochsDone(done[0]);
                        List<EpochMetrics> rows = MetricRows.of(run.id(), attempt, result);
                        journal.append(event(JournalEvent.EPOCH, sweep, index, run.id(), attempt, done[0], rows, null));
                        writer.write(rows, run.id(), attempt, done[0]);
                        print(result, spec.epochs());
                        if (done[0] < spec.epochs()) {
                            trainer.saveCheckpoint(checkpoints, run.paramsHash());
                        }
                    }, stopNow);
                    if (!finished) {
                        trainer.saveCheckpoint(checkpoints, run.paramsHash());
                        String why = "stopped by " + (stop == null ? "request" : stop.name()) + " after " + done[0] + " epochs; checkpoint in "
                                + checkpoints;
                        journal.append(event(JournalEvent.PREEMPTED, sweep, index, run.id(), attempt, done[0],
                                List.of(), why));
                        writer.finish(run.id(), attempt, RunState.PREEMPTED, why);
                        out.println(why + "; exiting with " + TaskEnvironment.REQUEUE_EXIT_CODE + " to be requeued");
                        return TaskEnvironment.REQUEUE_EXIT_CODE;
                    }
                }
                Trainer.deleteCheckpoint(checkpoints);
                journal.append(event(JournalEvent.DONE, sweep, index, run.id(), attempt, done[0], List.of(), null));
                writer.finish(run.id(), attempt, RunState.DONE, null);
                out.printf("run %d of %s done%n", index, sweep);
                return 0;
            } catch (RuntimeException | Error e) {
                String error = describe(e);
                journal.append(event(JournalEvent.FAILED, sweep, index, run.id(), attempt, 0, List.of(), error));
                writer.finish(run.id(), attempt, RunState.FAILED, error);
                if (e instanceof ExitException ee) {
                    throw ee;
                }
                throw ExitException.failure("run " + index + " of " + sweep + " failed: " + error, e);
            }
        }
    }

    private void print(EpochResult r, int epochs) {
        String train = r.train() == null ? "-" : String.format(Locale.ROOT, "acc %.4f loss %.4f",
                r.train().accuracy(), r.train().losses().mean());
        out.printf(Locale.ROOT, "epoch %d/%d  train %s | test acc %.4f loss %.4f | trained %d in %d steps"
                        + " (acceptance %.3f) | %.1f s%n", r.epoch() + 1, epochs, train, r.test().accuracy(),
                r.test().losses().mean(), r.sampler().trained(), r.sampler().steps(), r.sampler().acceptanceRatio(),
                r.epochSeconds());
    }

    private static String describe(Throwable e) {
        String msg = e.getMessage();
        return e instanceof ExitException ? msg : e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    private static JournalEvent event(String type, String sweep, int index, long runId, int attempt, int epochsDone,
                                      List<EpochMetrics> rows, String detail) {
        return new JournalEvent(type, sweep, index, runId, attempt, System.currentTimeMillis(), epochsDone, rows,
                detail);
    }

    private static ParamValues params(Run run) {
        try {
            return ParamValues.fromJson(run.paramsJson());
        } catch (ParamException e) {
            throw ExitException.badInput("run " + run.arrayIndex() + " has parameters this worker cannot read: "
                    + e.getMessage() + " (was the sweep expanded by another arraysweep version?)");
        }
    }

    private static ExitException noSuchRun(Database db, String sweep, int index) {
        var s = db.sweeps().find(sweep);
        if (s.isEmpty()) {
            String stored = String.join(", ", db.sweeps().list().stream().map(x -> x.name()).toList());
            return ExitException.badInput("no sweep called '" + sweep + "' in " + db.url()
                    + " (it holds: " + (stored.isEmpty() ? "no sweeps" : stored) + "); expand it first with `arraysweep expand sweeps/FILE.yaml`");
        }
        int n = db.runs().bySweep(s.get().id()).size();
        return ExitException.badInput("sweep '" + sweep + "' has no array index " + index + " (its indices are 0-"
                + (n - 1) + ")");
    }
}
