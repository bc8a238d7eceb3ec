package dev.arraysweep.worker.telemetry;

import ai.djl.Device;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which GPU {@code nvidia-smi} is asked about: the one the run trains on, as {@code nvidia-smi --id} names it.
 *
 * <p>CUDA numbers the GPUs a process may use from 0 within {@code CUDA_VISIBLE_DEVICES}; {@code nvidia-smi} does not
 * read that variable. So a run on CUDA device {@code k} watches the {@code k}-th entry of
 * {@code CUDA_VISIBLE_DEVICES} (an index or a {@code GPU-...} UUID, both of which {@code --id} takes), or {@code k}
 * where the variable is not set. A run on the CPU watches the first GPU Slurm gave its task (the first entry of
 * {@code CUDA_VISIBLE_DEVICES}), the way W&B records every GPU of a node: a job that asked for a GPU and trains on the
 * CPU then shows an idle GPU. Without that variable a CPU run watches none. Choice: we do not map CUDA's
 * default order (fastest first) to {@code nvidia-smi}'s PCI order; with Slurm's {@code ConstrainDevices} a task
 * sees only its own GPUs and the two agree, elsewhere set {@code CUDA_DEVICE_ORDER=PCI_BUS_ID}.
 */
public final class GpuTarget {
    private GpuTarget() {}

    /** {@return the {@code nvidia-smi --id} of the GPU a run on {@code device} uses, or empty when none} */
    public static Optional<String> of(Device device, Map<String, String> env) {
        List<String> visible = visible(env.get("CUDA_VISIBLE_DEVICES"));
        if (device.isGpu()) {
            int k = device.getDeviceId();
            if (visible == null) {
                return Optional.of(Integer.toString(k));
            }
            return k < visible.size() ? Optional.of(visible.get(k)) : Optional.empty();
        }
        return visible == null || visible.isEmpty() ? Optional.empty() : Optional.of(visible.get(0));
    }

    /**
     * {@return the entries of {@code CUDA_VISIBLE_DEVICES}, empty when it hides every GPU ({@code ""}, {@code -1},
     * Slurm's {@code NoDevFiles}), null when it is not set} CUDA ignores the list from its first invalid entry on.
     */
    static List<String> visible(String value) {
        if (value == null) {
            return null;
        }
        List<String> entries = Arrays.stream(value.split(","))
                .map(String::trim)
                .takeWhile(s -> s.matches("\\d+|(GPU|MIG)-[0-9A-Za-z/-]+"))
                .toList();
        return entries;
    }
}
