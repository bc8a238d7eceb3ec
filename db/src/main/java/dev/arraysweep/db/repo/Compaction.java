package dev.arraysweep.db.repo;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rewrites a work directory's embedded database into a compact file, without H2's own compaction.
 *
 * <p>arraysweep never lets H2 compact on close (H2 2.3.232 lost committed rows doing so; see
 * {@link Database#keepOpenInProcess}), so the file keeps its high-water mark: a million metric rows left
 * 0.6-1.4 GB behind for about 0.1 GB of data. This goes through SQL instead: the database is exported as a
 * script ({@code SCRIPT}), a new file is built from it ({@code RUNSCRIPT}), every table's row count is compared,
 * and only then is the new file put in place; the old one stays beside it as a backup. Nothing else may have the
 * database open meanwhile: it is opened without {@code AUTO_SERVER}, so a running worker, {@code run-local} or
 * {@code db serve} makes this refuse instead of waiting.
 */
public final class Compaction {
    /** What a compaction did. */
    public record Result(long bytesBefore, long bytesAfter, Map<String, Long> rowsPerTable, Path backup) {}

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private Compaction() {}

    /**
     * Compacts the embedded database of {@code workDir}.
     *
     * @throws ExitException wrong state (3) when there is no database or it is in use; failure (1) when the
     *     rewritten database does not hold the same rows (the original is then left untouched)
     */
    public static Result compact(Path workDir, Clock clock) {
        Path base = Workspace.databaseFile(workDir);
        Path file = mvFile(base);
        if (!Files.isRegularFile(file)) {
            throw ExitException.wrongState("no database at " + file + "; nothing to compact");
        }
        deleteQuietly(mvFile(base.resolveSibling(base.getFileName() + "-compacting")));
        deleteQuietly(base.resolveSibling(base.getFileName() + "-compacting.sql.gz"));
        String password = DbPassword.fromEnvironment();
        AccessLock lock = AccessLock.hold(base, "arraysweep db compact");
        try {
            return compact(base, file, password, clock);
        } finally {
            lock.release(() -> {});
        }
    }

    private static Result compact(Path base, Path file, String password, Clock clock) {
        Path fresh = base.resolveSibling(base.getFileName() + "-compacting");
        Path script = base.resolveSibling(base.getFileName() + "-compacting.sql.gz");
        long before = size(file);
        Map<String, Long> rows;
        try {
            try (Connection c = exclusive(base, password);
                    Statement st = c.createStatement()) {
                rows = rowCounts(c);
                st.execute("SCRIPT TO '" + sqlPath(script) + "' COMPRESSION GZIP");
                st.execute("SHUTDOWN");
            }
            try (Connection c = DriverManager.getConnection(url(fresh), "sa", password);
                    Statement st = c.createStatement()) {
                st.execute("RUNSCRIPT FROM '" + sqlPath(script) + "' COMPRESSION GZIP");
                Map<String, Long> copied = rowCounts(c);
                if (!copied.equals(rows)) {
                    throw new ExitException(
                            ExitException.FAILURE,
                            "the rewritten database does not hold the same" + " rows (" + rows + " before, " + copied
                                    + " after); " + file + " is left as it was",
                            null);
                }
                st.execute("SHUTDOWN");
            }
        } catch (SQLException e) {
            deleteQuietly(mvFile(fresh));
            if (Database.inUse(e)) {
                throw ExitException.wrongState("the database " + file + " is in use (a worker, run-local or db serve);"
                        + " compact it when nothing else has it open");
            }
            throw new ExitException(
                    ExitException.FAILURE,
                    "cannot compact " + file + ": " + e.getMessage() + "; it is left as it was",
                    e);
        } finally {
            deleteQuietly(script);
        }
        Path backup = file.resolveSibling(file.getFileName() + ".before-compact-" + STAMP.format(clock.instant()));
        try {
            Files.move(file, backup);
            Files.move(mvFile(fresh), file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ExitException(
                    ExitException.FAILURE,
                    "compacted into " + mvFile(fresh) + " but could not put it"
                            + " in place of " + file + " (" + e.getMessage() + "); the original is at "
                            + (Files.exists(backup) ? backup : file) + ", move the files by hand",
                    e);
        }
        return new Result(before, size(file), rows, backup);
    }

    private static Connection exclusive(Path base, String password) throws SQLException {
        // no AUTO_SERVER: a database another process holds is refused at once, not shared
        return DriverManager.getConnection(
                "jdbc:h2:file:" + base + ";IFEXISTS=TRUE;MAX_COMPACT_TIME=0", "sa", password);
    }

    private static String url(Path base) {
        return "jdbc:h2:file:" + base + ";MAX_COMPACT_TIME=0";
    }

    /** {@return the row count of every table of the PUBLIC schema, by name} */
    private static Map<String, Long> rowCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA ="
                        + " 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                counts.put(rs.getString(1), 0L);
            }
        }
        for (String table : counts.keySet()) {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    private static Path mvFile(Path base) {
        return base.resolveSibling(base.getFileName() + ".mv.db");
    }

    private static String sqlPath(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temporary file is harmless; the next compaction removes it first
        }
    }
}
