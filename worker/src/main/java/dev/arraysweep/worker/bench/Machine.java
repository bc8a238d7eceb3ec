package dev.arraysweep.worker.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.arraysweep.db.Hosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine a benchmark ran on, for the figures to be read against. */
final class Machine {
    private Machine() {}

    static Map<String, Object> describe(Device device) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(
                "date",
                OffsetDateTime.now(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu_model", cpuModel());
        m.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        Engine engine = Engine.getInstance();
        m.put("engine", engine.getEngineName() + " " + engine.getVersion() + ", DJL " + Engine.getDjlVersion());
        m.put("torch_threads", JniUtils.getNumThreads());
        m.put("device", device.toString());
        m.put("cudnn_benchmark", Boolean.getBoolean("ai.djl.pytorch.cudnn_benchmark"));
        m.put("load_average_at_start", Hosts.loadAverage());
        return m;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }
}
