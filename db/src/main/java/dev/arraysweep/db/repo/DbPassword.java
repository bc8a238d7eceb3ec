package dev.arraysweep.db.repo;

import dev.arraysweep.db.ExitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the database password from {@code ARRAYSWEEP_DB_PASSWORD_FILE} (empty for the embedded default). */
final class DbPassword {
    private DbPassword() {
    }

    static String fromEnvironment() {
        String file = System.getenv("ARRAYSWEEP_DB_PASSWORD_FILE");
        if (file == null || file.isBlank()) {
            return "";
        }
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw ExitException.badInput("cannot read the database password file " + file
                    + " (ARRAYSWEEP_DB_PASSWORD_FILE): " + e.getMessage());
        }
    }
}
