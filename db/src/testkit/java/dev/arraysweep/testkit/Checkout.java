package dev.arraysweep.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds files of this checkout (bin/arraysweep, slurm/start-slurm.sh) upwards from a test's working directory. */
public final class Checkout {
    private Checkout() {}

    /** {@return {@code relative} under the nearest folder, from the working directory upwards, that holds it} */
    public static Optional<Path> find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(relative);
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }
}
