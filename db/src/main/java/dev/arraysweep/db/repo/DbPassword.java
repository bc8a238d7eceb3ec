package dev.arraysweep.db.repo;

import dev.arraysweep.db.ExitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The database password: the first line of a file, named by {@code ARRAYSWEEP_DB_PASSWORD_FILE} for clients. */
public final class DbPassword {
    /** Environment variable naming the file that holds the database password. */
    public static final String FILE_ENV = "ARRAYSWEEP_DB_PASSWORD_FILE";

    private DbPassword() {}

    /** {@return the password in the file named by {@code ARRAYSWEEP_DB_PASSWORD_FILE}; empty when unset} */
    static String fromEnvironment() {
        String file = System.getenv(FILE_ENV);
        if (file == null || file.isBlank()) {
            return "";
        }
        return read(Path.of(file), " (" + FILE_ENV + ")");
    }

    /** {@return the password in {@code file}, without surrounding white space} */
    public static String read(Path file) {
        return read(file, "");
    }

    private static String read(Path file, String source) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw ExitException.badInput(
                    "cannot read the database password file " + file + source + ": " + e.getMessage());
        }
    }
}
