package dev.arraysweep.orchestrator.grid;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A parsed, value-checked sweep file: its name, base parameters, axes, exclusions and Slurm settings.
 *
 * @param file the file it was read from, for messages
 * @param name the sweep's unique name, {@code [a-z0-9-]+}
 * @param description free text, or an empty string
 * @param base the parameters every run starts from, by name, in file order
 * @param axes the dimensions of the product, in expansion order: grid entries in file order (the
 *     first varies slowest), then zip groups, then seeds (which vary fastest)
 * @param exclusions the {@code exclude:} entries, in file order
 * @param slurm the {@code slurm:} block, or {@link SlurmSettings#defaults()} when absent
 */
public record SweepSpec(
        Path file,
        String name,
        String description,
        Map<String, SourceValue> base,
        List<Axis> axes,
        List<Exclusion> exclusions,
        SlurmSettings slurm) {

    /** The pattern a sweep name must match. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    /** The longest sweep name; it is used in file and Slurm job names. */
    public static final int MAX_NAME_LENGTH = 64;

    public SweepSpec {
        Objects.requireNonNull(file, "file");
        if (name == null || !NAME.matcher(name).matches() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "sweep name must match " + NAME + " (at most " + MAX_NAME_LENGTH + " characters): " + name);
        }
        description = description == null ? "" : description;
        base = Collections.unmodifiableMap(new LinkedHashMap<>(base));
        axes = List.copyOf(axes);
        exclusions = List.copyOf(exclusions);
        Objects.requireNonNull(slurm, "slurm");
        Map<String, String> variedBy = new HashMap<>();
        for (Axis axis : axes) {
            for (String key : axis.keys()) {
                String other = variedBy.put(key, axis.name());
                if (other != null) {
                    throw new IllegalArgumentException(key + " is varied by both " + other + " and " + axis.name());
                }
            }
        }
    }

    /** {@return the number of combinations before exclusions and merging, saturating at Long.MAX_VALUE} */
    public long combinations() {
        long product = 1;
        try {
            for (Axis axis : axes) {
                product = Math.multiplyExact(product, axis.size());
            }
            return product;
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }
}
