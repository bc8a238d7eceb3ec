package dev.arraysweep.worker.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps DJL's CUDA probe quiet on a machine without a GPU. DJL 0.35.1's {@code ai.djl.util.cuda.CudaUtils} asks
 * cudart for the GPU count each time the engine or a device is set up, and logs every failure but "no device" at
 * WARN: where the CUDA toolkit is installed but there is no GPU (and so no driver), every worker command printed
 * {@code WARN ai.djl.util.cuda.CudaUtils - Failed to detect GPU count: CUDA driver version is insufficient for
 * CUDA runtime version (35)} two or three times.
 *
 * <p>Where this machine shows no GPU device node (none of {@link #DEVICE_FILES}, no {@code /dev/nvidia<N>}),
 * that logger is set to {@code error} (its WARNs are about a GPU that is not there); {@code worker doctor} says
 * once that no GPU was found. Where a device node exists the warning stays: there a failed count is a real
 * problem (e.g. a driver older than the CUDA runtime). Other DJL loggers are untouched, and a level the user set
 * ({@code -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=...}) wins.
 */
final class CudaWarnings {
    /** The SLF4J simple logger's level key for DJL's CUDA probe. */
    static final String LOGGER_LEVEL = "org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils";

    /** Device files whose presence means a GPU may be here: NVIDIA's control node and driver, WSL's GPU. */
    static final List<String> DEVICE_FILES = List.of("dev/nvidiactl", "proc/driver/nvidia", "dev/dxg");

    private CudaWarnings() {}

    /** Quiets DJL's CUDA probe when {@code root} (the file system root, {@code /}) shows no GPU device. */
    static void quietWithoutGpu(Path root) {
        if (gpuDevice(root).isEmpty() && System.getProperty(LOGGER_LEVEL) == null) {
            System.setProperty(LOGGER_LEVEL, "error");
        }
    }

    /** {@return the first GPU device file under {@code root}, empty on a machine without a GPU} */
    static Optional<Path> gpuDevice(Path root) {
        for (String f : DEVICE_FILES) {
            Path p = root.resolve(f);
            if (Files.exists(p)) {
                return Optional.of(p);
            }
        }
        Path dev = root.resolve("dev");
        if (!Files.isDirectory(dev)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(dev)) {
            return s.filter(p -> p.getFileName().toString().matches("nvidia[0-9]+"))
                    .sorted()
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
