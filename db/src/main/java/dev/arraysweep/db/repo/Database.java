package dev.arraysweep.db.repo;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.schema.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * An open results database: a JDBI handle factory over an H2 URL, with the schema migrated.
 *
 * <p>Opening for writing runs the versioned migrations and brings the parameter columns and views
 * up to date; opening read-only only checks that the schema exists.
 */
public final class Database {
    private final Jdbi jdbi;
    private final String url;
    private final Clock clock;

    private Database(Jdbi jdbi, String url, Clock clock) {
        this.jdbi = jdbi;
        this.url = url;
        this.clock = clock;
    }

    /** {@return the database at {@code url}, migrated to the current schema} */
    public static Database open(String url) {
        return open(url, Clock.systemUTC(), true);
    }

    /**
     * {@return the database at {@code url}}
     *
     * @param migrate whether to create or upgrade the schema (false: the schema must already exist)
     */
    public static Database open(String url, Clock clock, boolean migrate) {
        url = keepOpenInProcess(url);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser(System.getenv().getOrDefault("ARRAYSWEEP_DB_USER", "sa"));
        ds.setPassword(DbPassword.fromEnvironment());
        for (int attempt = 1; ; attempt++) {
            try (Connection probe = ds.getConnection()) {
                if (migrate) {
                    Schema.migrate(ds);
                } else if (!Schema.exists(probe)) {
                    throw ExitException.wrongState("the database at " + url + " has no arraysweep schema yet;"
                            + " run `arraysweep expand SWEEP.yaml` first to create it");
                }
                break;
            } catch (SQLException | RuntimeException e) {
                if (e instanceof ExitException ee) {
                    throw ee;
                }
                // Many workers starting at once race to open the embedded file (one becomes its
                // AUTO_SERVER); H2 then reports transient conflicts that a retry resolves.
                if (attempt < OPEN_ATTEMPTS && transientOpenFailure(e)) {
                    sleepBeforeRetry(attempt);
                    continue;
                }
                if (inUse(e)) {
                    throw ExitException.wrongState("the database " + url + " is in use by another process;"
                            + " share it with `arraysweep db serve` and pass the printed URL with --db or"
                            + " ARRAYSWEEP_DB (the default embedded URL shares it automatically with AUTO_SERVER)");
                }
                throw new ExitException(ExitException.FAILURE, "cannot open the database at " + url + ": "
                        + e.getMessage() + "\n(check --db / ARRAYSWEEP_DB, and that the server is running)", e);
            }
        }
        Jdbi jdbi = Jdbi.create(ds);
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
                stmt.setFetchSize(FETCH_SIZE);
            }
        });
        return new Database(jdbi, url, clock);
    }

    /**
     * Rows per round trip when the database is reached over TCP (a server URL, or the embedded URL while
     * another process holds the file). H2's client fetches 100 by default, so reading the 10,000 journal
     * positions that {@code status} reads took 100 round trips; ignored for an in-process database.
     */
    static final int FETCH_SIZE = 5000;

    private static final int OPEN_ATTEMPTS = 10;

    /**
     * An embedded database stays open until this process exits instead of closing (and compacting) whenever
     * its last connection closes, and is never compacted on close: H2 2.3.232's close-time compaction has
     * lost committed rows (h2database issues 4086, 4247, 4286).
     */
    public static String keepOpenInProcess(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        if (!url.startsWith("jdbc:h2:file:")) {
            return url;
        }
        return url + (upper.contains("DB_CLOSE_DELAY") ? "" : ";DB_CLOSE_DELAY=-1")
                + (upper.contains("MAX_COMPACT_TIME") ? "" : ";MAX_COMPACT_TIME=0");
    }

    private static boolean transientOpenFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                int code = sql.getErrorCode();
                if (code == org.h2.api.ErrorCode.CONCURRENT_UPDATE_1
                        || code == org.h2.api.ErrorCode.CONNECTION_BROKEN_1 || code == org.h2.api.ErrorCode.LOCK_TIMEOUT_1
                        || code == org.h2.api.ErrorCode.DATABASE_IS_CLOSED) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@return whether opening failed because another process holds the database file} */
    static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1
                    || String.valueOf(sql.getMessage()).contains("Lock file")
                    || String.valueOf(sql.getMessage()).contains("Locked by another"))) {
                return true;
            }
        }
        return false;
    }

    private static void sleepBeforeRetry(int attempt) {
        try {
            Thread.sleep(100L * attempt + java.util.concurrent.ThreadLocalRandom.current().nextLong(200));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new ExitException(ExitException.FAILURE, "interrupted while opening the database", ie);
        }
    }

    /** {@return a handle that keeps the database open (and this process its AUTO_SERVER) until closed} */
    public org.jdbi.v3.core.Handle keepOpen() {
        return jdbi.open();
    }

    /**
     * Closes the database for every connection of this process ({@code SHUTDOWN}; it does not compact, see
     * {@link #keepOpenInProcess}), as if the process had ended: an embedded database otherwise stays open.
     */
    public void shutdown() {
        org.jdbi.v3.core.Handle h = jdbi.open();
        try (java.sql.Statement st = h.getConnection().createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new ExitException(ExitException.FAILURE, "cannot close the database " + url + ": " + e.getMessage(), e);
        } finally {
            try {
                h.close();
            } catch (RuntimeException alreadyClosed) {
                // SHUTDOWN closed the connection under the handle
            }
        }
    }

    /** {@return the JDBI instance} */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** {@return the JDBC URL} */
    public String url() {
        return url;
    }

    /** {@return the clock used for timestamps and heartbeat staleness} */
    public Clock clock() {
        return clock;
    }

    /** {@return the sweep repository} */
    public SweepRepository sweeps() {
        return new SweepRepository(jdbi, clock);
    }

    /** {@return the run repository} */
    public RunRepository runs() {
        return new RunRepository(jdbi, clock);
    }

    /** {@return the submission repository} */
    public SubmissionRepository submissions() {
        return new SubmissionRepository(jdbi, clock);
    }

    /** {@return the metric repository} */
    public MetricRepository metrics() {
        return new MetricRepository(jdbi);
    }
}
