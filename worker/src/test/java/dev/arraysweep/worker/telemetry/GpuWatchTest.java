package dev.arraysweep.worker.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.arraysweep.db.model.GpuFigures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuWatchTest {
    private static final long MIB = 1024L * 1024L;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    private String path(StandInSmi smi) {
        return smi.dir() + ":/usr/bin:/bin";
    }

    @Test
    void aLineOfNvidiaSmi_isParsed_withFieldsTheGpuDoesNotReportAsNull() {
        assertThat(GpuWatch.parse("87, 61, 251.25, 3072"))
                .contains(new GpuWatch.Reading(87.0, 61.0, 251.25, 3072 * MIB));
        assertThat(GpuWatch.parse("45, 50, [N/A], 1024")).contains(new GpuWatch.Reading(45.0, 50.0, null, 1024 * MIB));
        assertThat(GpuWatch.parse("[Not Supported], 40, 30.5, 10"))
                .contains(new GpuWatch.Reading(null, 40.0, 30.5, 10 * MIB));
        assertThat(GpuWatch.parse("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver."))
                .isEmpty();
        assertThat(GpuWatch.parse("No devices were found")).isEmpty();
        assertThat(GpuWatch.parse("a, b, c, d")).isEmpty();
    }

    @Test
    void theMeansOfAnEpochsReadings_skipMissingFields_andAnEpochWithoutReadingsKeepsTheLatest() {
        var a = new GpuWatch.Reading(10.0, 50.0, 100.0, 1024 * MIB);
        var b = new GpuWatch.Reading(30.0, 70.0, null, 2048 * MIB);
        assertThat(GpuWatch.mean(List.of(a, b), b)).isEqualTo(new GpuFigures(20.0, 60.0, 100.0, 1536 * MIB, 2));
        assertThat(GpuWatch.mean(List.of(), b)).isEqualTo(new GpuFigures(30.0, 70.0, null, 2048 * MIB, 0));
        assertThat(GpuWatch.mean(List.of(), null)).isNull();
    }

    @Test
    void aWatch_asksNvidiaSmiForItsGpuOnceASecond_andEachEpochGetsTheMeansOfItsOwnReadings() throws Exception {
        StandInSmi smi = StandInSmi.quiet(
                dir.resolve("smi"), List.of("10, 50, 100.0, 1024", "30, 70, [N/A], 2048", "20, 60, 150.5, 1024"));
        try (GpuWatch watch = GpuWatch.start("GPU-1234", path(smi), log).orElseThrow()) {
            waitFor(() -> watch.readingsSinceLastEpoch() == 3);
            assertThat(watch.endEpoch()).isEqualTo(new GpuFigures(20.0, 60.0, 125.25, Math.round(4096 * MIB / 3.0), 3));
            assertThat(watch.endEpoch())
                    .as("no reading since: the latest stands in")
                    .isEqualTo(new GpuFigures(20.0, 60.0, 150.5, 1024 * MIB, 0));
            assertThat(smi.starts().get(0))
                    .isEqualTo("--query-gpu=utilization.gpu,temperature.gpu,power.draw,memory.used"
                            + " --format=csv,noheader,nounits --id=GPU-1234 --loop-ms=1000");
            assertThat(smi.running()).isTrue();
        }
        try (GpuWatch watch = GpuWatch.start("0", path(smi), log).orElseThrow()) {
            waitFor(() -> watch.readingsSinceLastEpoch() == 3);
            watch.startEpochs();
            assertThat(watch.endEpoch())
                    .as("readings before training started count for no epoch; the latest stands in")
                    .isEqualTo(new GpuFigures(20.0, 60.0, 150.5, 1024 * MIB, 0));
        }
        waitFor(() -> !running(smi));
        assertThat(smi.running()).as("closing the watch stops nvidia-smi").isFalse();
        assertThat(logged.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theFirstEpoch_waitsForTheFirstReading() throws Exception {
        StandInSmi smi = StandInSmi.looping(dir.resolve("smi"), List.of("99, 80, 300, 512"));
        try (GpuWatch watch = GpuWatch.start("0", path(smi), log).orElseThrow()) {
            GpuFigures first = watch.endEpoch(); // at once: the stand-in may not have printed yet
            assertThat(first).isNotNull();
            assertThat(first.utilizationPercent()).isEqualTo(99.0);
            assertThat(first.readings()).isPositive();
        }
    }

    @Test
    void nvidiaSmiThatFails_leavesTheFiguresEmpty_andSaysWhyOnce() throws Exception {
        StandInSmi smi = StandInSmi.exiting(
                dir.resolve("smi"),
                List.of("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver."),
                9);
        try (GpuWatch watch = GpuWatch.start("0", path(smi), log).orElseThrow()) {
            waitFor(watch::ended);
            assertThat(watch.endEpoch()).isNull();
            assertThat(watch.endEpoch()).isNull();
        }
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .isEqualTo("GPU figures stay empty from here on: nvidia-smi --id=0 stopped (exit 9): NVIDIA-SMI has"
                        + " failed because it couldn't communicate with the NVIDIA driver.\n");
    }

    @Test
    void nvidiaSmiThatStopsMidRun_endsTheFigures_ratherThanRepeatingItsLastReading() throws Exception {
        StandInSmi smi = StandInSmi.exiting(dir.resolve("smi"), List.of("50, 60, 70, 80"), 0);
        try (GpuWatch watch = GpuWatch.start("0", path(smi), log).orElseThrow()) {
            waitFor(watch::ended);
            assertThat(watch.endEpoch()).isEqualTo(new GpuFigures(50.0, 60.0, 70.0, 80 * MIB, 1));
            assertThat(watch.endEpoch()).isNull();
        }
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("stopped (exit 0)");
    }

    @Test
    void withoutNvidiaSmiOnThePath_thereIsNoWatch() {
        assertThat(GpuWatch.start("0", dir.toString() + ":" + dir.resolve("missing"), log))
                .isEmpty();
        assertThat(GpuWatch.start("0", null, log)).isEmpty();
        assertThat(logged.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theGpuWatched_isTheRunsDeviceAsCudaVisibleDevicesNamesIt() {
        Map<String, String> none = Map.of();
        assertThat(GpuTarget.of(Device.gpu(0), none)).contains("0");
        assertThat(GpuTarget.of(Device.gpu(1), none)).contains("1");
        assertThat(GpuTarget.of(Device.gpu(1), Map.of("CUDA_VISIBLE_DEVICES", "GPU-aa11,GPU-bb22")))
                .contains("GPU-bb22");
        assertThat(GpuTarget.of(Device.gpu(0), Map.of("CUDA_VISIBLE_DEVICES", "3,1")))
                .contains("3");
        assertThat(GpuTarget.of(Device.gpu(2), Map.of("CUDA_VISIBLE_DEVICES", "3,1")))
                .as("a device CUDA cannot see")
                .isEmpty();
        assertThat(GpuTarget.of(Device.cpu(), none))
                .as("a CPU run without a GPU of its own")
                .isEmpty();
        assertThat(GpuTarget.of(Device.cpu(), Map.of("CUDA_VISIBLE_DEVICES", "2")))
                .contains("2");
        for (String hidden : List.of("", "-1", "NoDevFiles")) {
            assertThat(GpuTarget.of(Device.cpu(), Map.of("CUDA_VISIBLE_DEVICES", hidden)))
                    .as("CUDA_VISIBLE_DEVICES=%s", hidden)
                    .isEmpty();
        }
        assertThat(GpuTarget.of(Device.gpu(0), Map.of("CUDA_VISIBLE_DEVICES", "0,-1,2")))
                .contains("0");
        assertThat(GpuTarget.visible("0,-1,2"))
                .as("CUDA stops at the first invalid entry")
                .containsExactly("0");
    }

    @Test
    void deviceTelemetryOfACpuRun_hasNoDeviceMemory_andTheGpuItsTaskWasGiven() throws Exception {
        StandInSmi smi = StandInSmi.looping(dir.resolve("smi"), List.of("12, 34, 56.5, 78"));
        Map<String, String> env = Map.of("PATH", path(smi), "CUDA_VISIBLE_DEVICES", "5");
        try (DeviceTelemetry t = DeviceTelemetry.start(Device.cpu(), env, log)) {
            assertThat(t.watching()).isTrue();
            DeviceTelemetry.Reading r = t.endEpoch();
            assertThat(r.deviceMemoryBytes()).isNull();
            assertThat(r.gpu()).isNotNull();
            assertThat(r.gpu().powerWatts()).isEqualTo(56.5);
            assertThat(r.gpu().memoryUsedBytes()).isEqualTo(78 * MIB);
        }
        assertThat(smi.starts()).singleElement().asString().contains("--id=5");
        try (DeviceTelemetry t = DeviceTelemetry.start(Device.cpu(), Map.of("PATH", path(smi)), log)) {
            assertThat(t.watching()).as("no GPU given to the task").isFalse();
            assertThat(t.endEpoch()).isEqualTo(new DeviceTelemetry.Reading(null, null));
        }
        assertThat(DeviceMemory.bytesInUse(Device.cpu())).isNull();
    }

    private static boolean running(StandInSmi smi) {
        try {
            return smi.running();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
