package dev.arraysweep.worker.task;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.params.ParamException;
import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import dev.arraysweep.db.task.TaskFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A small Fashion-MNIST run (fcnet16 on 400 training and 100 test images, batch 50, no filter: a second or two per
 * run) stored as run 0 of a sweep with its task file, as {@code expand} leaves it, and trained by a worker's
 * {@link TaskRunner} in this process. The tests of the worker's task share it instead of each spelling it out.
 */
final class TinyRun {
    private TinyRun() {}

    /** {@return the run's parameters: the tiny defaults with {@code epochs} and {@code more} on top} */
    static ParamValues params(int epochs, Map<String, Object> more) throws ParamException {
        Map<String, Object> raw = new HashMap<>(Map.of(
                "dataset",
                "fashion-mnist",
                "model",
                "fcnet16",
                "epochs",
                epochs,
                "batch_size",
                50,
                "train_limit",
                400,
                "test_limit",
                100,
                "batch_filtering",
                false));
        raw.putAll(more);
        return Params.normalize(raw);
    }

    /** Stores run 0 of {@code sweep} with parameters {@code p} in {@code db} and writes its task file. {@return it} */
    static Run store(Database db, Workspace ws, String sweep, ParamValues p) {
        db.runs()
                .storeExpansion(
                        sweep,
                        null,
                        null,
                        "t",
                        null,
                        List.of(new NewRun(p.hash(), p.toJson(), p.intValue("epochs"), Map.of())));
        Run stored = db.runs().find(sweep, 0).orElseThrow();
        TaskFile.of(sweep, stored).write(ws.taskFile(sweep, 0));
        return stored;
    }

    /** What a worker's run of a task returned and printed. */
    record Outcome(int code, String out) {}

    /** Trains run 0 of {@code sweep} as a worker would, with {@code env}, asked to stop when {@code stop} says. */
    static Outcome train(Workspace ws, String sweep, Map<String, String> env, BooleanSupplier stop) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new TaskRunner(ws, env, new PrintStream(out, true, StandardCharsets.UTF_8))
                .run(sweep, 0, new TaskRunner.TaskInfo("1", "1", "node"), stop);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8));
    }
}
