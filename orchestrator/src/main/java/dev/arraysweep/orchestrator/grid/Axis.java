package dev.arraysweep.orchestrator.grid;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One dimension of a sweep's product: a grid entry, a zip group or the seeds, as a list of points
 * that each set one or more parameters.
 *
 * @param name how messages name it: {@code grid.batch_size}, {@code zip[0]} or {@code seeds}
 * @param line the 1-based line where it starts
 * @param keys the parameters it sets, in file order
 * @param points its values; every point sets exactly {@code keys}
 */
public record Axis(String name, int line, List<String> keys, List<Map<String, SourceValue>> points) {
    public Axis {
        Objects.requireNonNull(name, "name");
        keys = List.copyOf(keys);
        points = List.copyOf(points);
        if (keys.isEmpty() || points.isEmpty()) {
            throw new IllegalArgumentException("axis " + name + " needs keys and points");
        }
        for (Map<String, SourceValue> point : points) {
            if (!point.keySet().equals(Set.copyOf(keys))) {
                throw new IllegalArgumentException(
                        "axis " + name + ": point " + point.keySet() + " does not set " + keys);
            }
        }
    }

    /** {@return the number of points} */
    public int size() {
        return points.size();
    }
}
