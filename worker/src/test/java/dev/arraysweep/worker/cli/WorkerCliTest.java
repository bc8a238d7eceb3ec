package dev.arraysweep.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalHistory;
import dev.arraysweep.db.journal.JournalIngest;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import dev.arraysweep.db.task.RunLock;
import dev.arraysweep.db.task.TaskFile;
import dev.arraysweep.testkit.Require;
import dev.arraysweep.worker.task.Devices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerCliTest {
    @TempDir
    Path dir;

    Database db;
    Workspace ws;

    @BeforeEach
    void sweep() throws Exception {
        ws = new Workspace(dir, null);
        db = Database.open(ws.dbUrl());
        ParamValues p = Params.normalize(Map.of(
                "dataset",
                "fashion-mnist",
                "model",
                "fcnet10",
                "epochs",
                1,
                "data_dir",
                dir.resolve("no-such-data").toString()));
        db.runs().storeExpansion("s", null, null, "t", null, List.of(new NewRun(p.hash(), p.toJson(), 1, Map.of())));
        TaskFile.writeAll(
                ws, "s", db.runs().bySweep(db.sweeps().find("s").orElseThrow().id()));
    }

    private record Result(int code, String out, String err) {}

    private Result worker(Map<String, String> extraEnv, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put(Workspace.WORKDIR_ENV, dir.toString());
        int code = WorkerMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void failingRun_isMarkedFailedWithItsError_andExitsNonZero() {
        Result r = worker(Map.of("SLURM_ARRAY_TASK_ID", "0"), "run", "--sweep", "s");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no-such-data").contains("not a directory");
        new JournalIngest(db).ingestAll(dir.resolve("runs")); // the worker journals; commands load it
        Run run = db.runs().find("s", 0).orElseThrow();
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.errorText()).contains("no-such-data");
        assertThat(run.attempt()).isEqualTo(1);
    }

    @Test
    void indexOutsideTheSweep_exits2() {
        Result r = worker(Map.of(), "run", "--sweep", "s", "--index", "5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("has no run 5 of sweep 's'").contains("arraysweep expand");
    }

    @Test
    void negativeIndex_exits2_sayingWhatIndexExpects() {
        Result r = worker(Map.of(), "run", "--sweep", "s", "--index", "-1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--index expects a non-negative whole number, not '-1'");
    }

    @Test
    void missingTaskId_exits2_sayingHowToFix() {
        Result r = worker(Map.of(), "run", "--sweep", "s");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--index");
    }

    @Test
    void runThatAnotherWorkerHolds_isRefusedWith3_namingTheHolder() {
        try (RunLock held = RunLock.tryAcquire(
                        ws.runLock("s", 0), Map.of("job", "77", "node", "elsewhere"), Duration.ZERO, Clock.systemUTC())
                .orElseThrow()) {
            Result r = worker(Map.of(RunLock.WAIT_ENV, "0"), "run", "--sweep", "s", "--index", "0");
            assertThat(r.code()).isEqualTo(3);
            assertThat(r.err())
                    .contains("already being trained by")
                    .contains("Slurm job 77")
                    .contains("refusing to start a second worker");
        }
        assertThat(JournalHistory.of(ws.journal("s", 0)).lastAttempt())
                .as("no claim journaled")
                .isZero();
    }

    @Test
    void doctor_reportsEngineAndDevice_andSaysWhatToSetWithoutAGpu() {
        int gpus = Engine.getEngine("PyTorch").getGpuCount(); // the suite also runs on GPU nodes
        Result r = worker(Map.of(), "doctor");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("engine:          PyTorch 2.7.1")
                .contains("GPUs visible:    " + gpus)
                .contains("ai.djl.offline=true")
                .contains("OPT_OUT_TRACKING=true")
                .contains("PYTORCH_LIBRARY_PATH")
                .contains("PYTORCH_VERSION")
                .contains("PYTORCH_FLAVOR");
        if (gpus == 0) {
            assertThat(r.out())
                    .contains("no GPU: runs with device: auto train on the CPU")
                    .contains("to use a GPU libtorch on an offline node");
        } else {
            assertThat(r.out()).doesNotContain("no GPU:").contains("default device:  gpu(0)");
        }
    }

    @Test
    void models_listsPyTorchParameterCounts() {
        Result cifar = worker(Map.of(), "models", "--dataset", "cifar10");
        assertThat(cifar.out())
                .contains("resnet18")
                .contains("11,173,962")
                .contains("62,006")
                .contains("15,142,970")
                .contains("9,249,010");
        Result mnist = worker(Map.of(), "models", "--dataset", "fashion-mnist");
        assertThat(mnist.out()).contains("61,706").contains("3,105,010");
        assertThat(worker(Map.of(), "models", "--dataset", "imagenet").code()).isEqualTo(2);
    }

    @Test
    void aOneStepOneEpochRun_saysSoInTheSingular() throws Exception {
        Require.fashionMnist();
        ParamValues p = Params.normalize(Map.of(
                "dataset",
                "fashion-mnist",
                "model",
                "fcnet8",
                "epochs",
                1,
                "batch_size",
                40,
                "train_limit",
                40,
                "test_limit",
                20,
                "batch_filtering",
                false));
        db.runs().storeExpansion("one", null, null, "t", null, List.of(new NewRun(p.hash(), p.toJson(), 1, Map.of())));
        TaskFile.writeAll(
                ws,
                "one",
                db.runs().bySweep(db.sweeps().find("one").orElseThrow().id()));
        Result done = worker(Map.of(), "run", "--sweep", "one", "--index", "0");
        assertThat(done.code()).as(done.err()).isZero();
        assertThat(done.out()).containsPattern("epoch 0 \\(1/1\\) .* trained 40 in 1 step \\(acceptance");
        Result again = worker(Map.of(), "run", "--sweep", "one", "--index", "0");
        assertThat(again.code()).isEqualTo(3);
        assertThat(again.err()).contains("is already done (1 epoch); nothing to do");
    }

    @Test
    void models_listsEveryModel_withTheThesisFcNets() {
        Result mnist = worker(Map.of(), "models", "--dataset", "mnist");
        assertThat(mnist.code()).isZero();
        // fcnet<N> on 1x32x32 images and 10 classes: 1024 * N + N weights and biases, then 10 * N + 10
        assertThat(mnist.out())
                .containsPattern("(?m)^  fcnet100 +103,510 trainable parameters$")
                .containsPattern("(?m)^  fcnet1000 +1,035,010 trainable parameters$")
                .containsPattern("(?m)^  fcnet3000 +3,105,010 trainable parameters$")
                .contains("fcnet<N> takes any width N");
        for (String name : List.of("resnet18", "lenet", "dla", "simpledla")) {
            assertThat(mnist.out()).containsPattern("(?m)^  " + name + " +[0-9,]+ trainable parameters$");
        }
    }

    @Test
    void gpuAskedFor_isTheGpuWhenTheEngineSeesOne_elseFailsClearly() {
        if (Engine.getInstance().getGpuCount() > 0) { // as Devices sees it; the suite also runs on GPU nodes
            assertThat(Devices.resolve("gpu")).isEqualTo(Device.gpu());
            assertThat(Devices.resolve("auto")).isEqualTo(Device.gpu());
            return;
        }
        assertThat(Devices.resolve("auto")).isEqualTo(Device.cpu());
        assertThatThrownBy(() -> Devices.resolve("gpu"))
                .isInstanceOfSatisfying(
                        ExitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitException.BAD_INPUT))
                .hasMessageContaining("no GPU")
                .hasMessageContaining("worker doctor");
    }
}
