package dev.arraysweep.db.task;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * What a worker needs to start one run, as a file in the work directory ({@code runs/<sweep>/tasks/<index>.json}):
 * a worker reads this instead of the database, so it can start while no database is reachable and never opens
 * the embedded file.
 *
 * @param sweep the sweep's name
 * @param index the run's array index
 * @param runId the run's database id (the journal's events carry it)
 * @param paramsHash the canonical hash of the parameters (checkpoints are tied to it)
 * @param paramsJson the run's parameters, canonical JSON
 * @param epochsTotal the epochs the run trains
 * @param retired whether the run was removed from the sweep file (a worker refuses it)
 */
public record TaskFile(
        String sweep, int index, long runId, String paramsHash, String paramsJson, int epochsTotal, boolean retired) {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public TaskFile {
        Objects.requireNonNull(sweep, "sweep");
        Objects.requireNonNull(paramsHash, "paramsHash");
        Objects.requireNonNull(paramsJson, "paramsJson");
    }

    /** {@return the task file of a stored run} */
    public static TaskFile of(String sweep, Run run) {
        return new TaskFile(
                sweep,
                run.arrayIndex(),
                run.id(),
                run.paramsHash(),
                run.paramsJson(),
                run.epochsTotal(),
                run.state() == RunState.RETIRED);
    }

    /**
     * Writes the task files of {@code runs} (all of one sweep) where they are missing or differ; each file is
     * replaced atomically, so a worker starting meanwhile reads the old or the new one, never half of one.
     *
     * @return how many files were written
     */
    public static int writeAll(Workspace ws, String sweep, Collection<Run> runs) {
        int written = 0;
        for (Run r : runs) {
            TaskFile t = of(sweep, r);
            Path file = ws.taskFile(sweep, r.arrayIndex());
            if (!t.equals(read(file).orElse(null))) {
                t.write(file);
                written++;
            }
        }
        return written;
    }

    /** Writes this task file to {@code file} atomically (a temporary file renamed into place). */
    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, JSON.writeValueAsBytes(this));
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the task file " + file, e);
        }
    }

    /** {@return the task file at {@code file}; empty when there is none} */
    public static Optional<TaskFile> read(Path file) {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), TaskFile.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw ExitException.badInput("the task file " + file + " cannot be read (" + e.getMessage() + ");"
                    + " write it again with `arraysweep expand` on the sweep file");
        }
    }
}
