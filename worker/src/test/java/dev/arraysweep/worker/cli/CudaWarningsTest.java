package dev.arraysweep.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CudaWarningsTest {
    @TempDir
    Path root;

    private String saved;

    @BeforeEach
    void save() {
        saved = System.clearProperty(CudaWarnings.LOGGER_LEVEL);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(CudaWarnings.LOGGER_LEVEL);
        } else {
            System.setProperty(CudaWarnings.LOGGER_LEVEL, saved);
        }
    }

    @Test
    void aRootWithoutDeviceFiles_hasNoGpu_andQuietsTheProbe() throws IOException {
        Files.createDirectories(root.resolve("dev"));
        Files.createFile(root.resolve("dev/null"));
        Files.createFile(root.resolve("dev/nvidia-uvm-tools-not-a-gpu"));
        assertThat(CudaWarnings.gpuDevice(root)).isEmpty();
        CudaWarnings.quietWithoutGpu(root);
        assertThat(System.getProperty(CudaWarnings.LOGGER_LEVEL)).isEqualTo("error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev/nvidiactl", "dev/nvidia0", "dev/nvidia12", "proc/driver/nvidia/version", "dev/dxg"})
    void aDeviceFile_isAGpu_andKeepsTheWarnings(String file) throws IOException {
        Path f = root.resolve(file);
        Files.createDirectories(f.getParent());
        Files.createFile(f);
        assertThat(CudaWarnings.gpuDevice(root)).isPresent();
        CudaWarnings.quietWithoutGpu(root);
        assertThat(System.getProperty(CudaWarnings.LOGGER_LEVEL)).isNull();
    }

    @Test
    void aLevelTheUserSet_wins() {
        System.setProperty(CudaWarnings.LOGGER_LEVEL, "debug");
        CudaWarnings.quietWithoutGpu(root);
        assertThat(System.getProperty(CudaWarnings.LOGGER_LEVEL)).isEqualTo("debug");
    }

    /**
     * {@code worker doctor} and {@code worker models} load the engine, which probes CUDA several times; in a fresh
     * JVM (the logger reads its level once) on a machine without a GPU, neither prints DJL's GPU-count warning nor
     * any other WARN from DJL, and doctor says once that there is no GPU device.
     */
    @ParameterizedTest
    @ValueSource(strings = {"doctor", "models --dataset mnist"})
    void onAMachineWithoutAGpu_aWorkerCommandPrintsNoDjlWarnings(String command) throws Exception {
        assumeTrue(CudaWarnings.gpuDevice(Path.of("/")).isEmpty(), "this machine has a GPU device");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-XX:TieredStopAtLevel=1",
                "-Dai.djl.offline=true",
                "-DOPT_OUT_TRACKING=true",
                "-cp",
                System.getProperty("java.class.path"),
                WorkerMain.class.getName()));
        cmd.addAll(List.of(command.split(" ")));
        Path log = root.resolve("out.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().put("DJL_OFFLINE", "true");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS))
                .as("worker " + command + " ends")
                .isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("Failed to detect GPU count").doesNotContainPattern("(?m)^WARN ai\\.djl");
        if (command.equals("doctor")) {
            assertThat(output).containsOnlyOnce("GPU device:      none").contains("GPUs visible:    0");
        } else {
            assertThat(output).contains("fcnet1000").contains("1,035,010");
        }
    }
}
