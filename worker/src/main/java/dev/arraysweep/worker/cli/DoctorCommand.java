package dev.arraysweep.worker.cli;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.cli.Options;

/**
 * {@code worker doctor}: which engine, libtorch directory, JNI, flavour, device and CUDA were found, and
 * what to set on an offline cluster node when no GPU build of libtorch is found. Exit status 1 when the
 * engine does not load.
 */
final class DoctorCommand {
    private static final List<String> VARIABLES = List.of(
            "PYTORCH_LIBRARY_PATH",
            "PYTORCH_VERSION",
            "PYTORCH_FLAVOR",
            "DJL_CACHE_DIR",
            "ENGINE_CACHE_DIR",
            "ARRAYSWEEP_DJL_ONLINE",
            "CUDA_VISIBLE_DEVICES");

    static final CommandHelp HELP = CommandHelp.of(
            "doctor",
            "show the engine, libtorch, JNI, device and CUDA found, and what to set on an offline GPU node",
            "worker doctor",
            new Options(),
            "exit status: 0 the engine loads, 1 it does not.");

    private DoctorCommand() {}

    static int run(String[] args, PrintStream out, Map<String, String> env) {
        HELP.parse(args);
        out.println("java:            " + System.getProperty("java.version") + " (" + System.getProperty("java.home")
                + ")");
        out.println("offline mode:    ai.djl.offline=" + System.getProperty("ai.djl.offline") + ", OPT_OUT_TRACKING="
                + System.getProperty("OPT_OUT_TRACKING"));
        for (String v : VARIABLES) {
            out.printf("%-16s %s%n", v + ":", env.getOrDefault(v, "(unset)"));
        }
        Path cache = Utils.getEngineCacheDir("pytorch");
        out.println("engine cache:    " + cache + listing(cache));
        Optional<Path> device = CudaWarnings.gpuDevice(Path.of("/"));
        out.println("GPU device:      "
                + device.map(Path::toString)
                        .orElse("none: no GPU on this machine (no /dev/nvidiactl, /dev/nvidia<N>,"
                                + " /proc/driver/nvidia or /dev/dxg)"));
        out.println("CUDA (cudart):   "
                + (CudaUtils.hasCuda()
                        ? "found, version " + CudaUtils.getCudaVersionString() + ", " + CudaUtils.getGpuCount()
                                + " GPU(s)"
                        : "no GPU found"
                                + (device.isPresent()
                                        ? " although a GPU device exists: see DJL's warning (a driver older than"
                                                + " the CUDA runtime?) and the notes below"
                                        : "")));
        Engine engine;
        try {
            engine = Engine.getEngine("PyTorch");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            out.println("engine:          FAILED to load: " + e.getMessage());
            advise(out);
            return 1;
        }
        out.println("engine:          " + engine.getEngineName() + " " + engine.getVersion());
        out.println("GPUs visible:    " + engine.getGpuCount());
        out.println("default device:  " + engine.defaultDevice());
        if (engine.getGpuCount() == 0) {
            out.println();
            out.println("no GPU: runs with device: auto train on the CPU; device: gpu fails with a clear error.");
            advise(out);
        }
        return 0;
    }

    private static void advise(PrintStream out) {
        out.println("to use a GPU libtorch on an offline node: point PYTORCH_LIBRARY_PATH at a directory with");
        out.println(
                "libtorch.so (e.g. a PyTorch install's torch/lib), set PYTORCH_VERSION to its version (e.g. 2.7.1)");
        out.println("and PYTORCH_FLAVOR=cu128 (or cpu); DJL needs a JNI (libdjl_torch.so) built for that exact");
        out.println("libtorch, in that directory or in DJL_CACHE_DIR. ARRAYSWEEP_DJL_ONLINE=true lets DJL download");
        out.println("libtorch itself on a node with internet access.");
    }

    private static String listing(Path dir) {
        if (!Files.isDirectory(dir)) {
            return " (missing)";
        }
        try (Stream<Path> s = Files.list(dir)) {
            return " " + s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return "";
        }
    }
}
