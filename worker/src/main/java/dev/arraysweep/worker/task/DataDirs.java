package dev.arraysweep.worker.task;

import dev.arraysweep.db.ExitException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds a dataset's directory: the run's {@code data_dir}, else {@code $ARRAYSWEEP_DATA/<dataset>} or
 * {@code $ARRAYSWEEP_DATA}, else Debian's {@code /usr/share/datasets/<dataset>}.
 */
final class DataDirs {
    private DataDirs() {}

    static Path resolve(String dataset, String dataDirParam, Map<String, String> env) {
        if (dataDirParam != null) {
            return existing(Path.of(dataDirParam), dataset, "the run's data_dir");
        }
        String root = env.get("ARRAYSWEEP_DATA");
        if (root != null && !root.isBlank()) {
            Path sub = Path.of(root, dataset);
            return Files.isDirectory(sub) ? sub : existing(Path.of(root), dataset, "$ARRAYSWEEP_DATA");
        }
        Path debian = Path.of("/usr/share/datasets", dataset);
        if (Files.isDirectory(debian)) {
            return debian;
        }
        throw ExitException.badInput("no data directory for " + dataset + ": set data_dir in the sweep, or"
                + " ARRAYSWEEP_DATA to a directory holding " + dataset + "/ (its standard files)"
                + ("fashion-mnist".equals(dataset)
                        ? "; on Debian `apt-get install dataset-fashion-mnist`"
                                + " puts it in /usr/share/datasets/fashion-mnist"
                        : ""));
    }

    private static Path existing(Path p, String dataset, String from) {
        if (!Files.isDirectory(p)) {
            throw ExitException.badInput(from + " names " + p + ", which is not a directory; it should hold the"
                    + " standard files of " + dataset);
        }
        return p;
    }
}
