package dev.arraysweep.db.repo;

import dev.arraysweep.db.EnvValues;
import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.schema.Schema;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
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
public final class Database implements AutoCloseable {
    private final Jdbi jdbi;
    private final String url;
    private final Clock clock;
    private final AccessLock lock;
    private final JdbcDataSource dataSource;
    private boolean closed;
    private KeptConnection kept;
    private static volatile String processName = "a Java process";

    private Database(Jdbi jdbi, String url, Clock clock, AccessLock lock, JdbcDataSource dataSource) {
        this.jdbi = jdbi;
        this.url = url;
        this.clock = clock;
        this.lock = lock;
        this.dataSource = dataSource;
    }

    /**
     * Names this process for other processes that wait for the database it holds (e.g. {@code arraysweep
     * report}); {@code Main} of each command sets it.
     */
    public static void describeProcess(String who) {
        processName = who;
    }

    /** {@return the database at {@code url}, migrated to the current schema} */
    public static Database open(String url) {
        return open(url, Clock.systemUTC(), true);
    }

    /**
     * {@return the database at {@code url}}
     *
     * <p>An embedded file is opened by one process at a time ({@link AccessLock}): this waits while another
     * process has it (up to {@code ARRAYSWEEP_DB_WAIT_SECONDS}, default 600, saying on stderr whom it waits
     * for), connects through the server when the holder is {@code arraysweep db serve}, and keeps the file
     * until {@link #close}.
     *
     * @param migrate whether to create or upgrade the schema (false: the schema must already exist)
     */
    public static Database open(String url, Clock clock, boolean migrate) {
        String password = DbPassword.fromEnvironment();
        AccessLock lock = null;
        var base = embeddedBase(url);
        if (base.isPresent()) {
            AccessLock.Outcome o = AccessLock.acquire(
                    AccessLock.lockFile(base.get()),
                    processName,
                    null,
                    null,
                    waitLimit(),
                    true,
                    System.err::println,
                    Clock.systemUTC());
            if (o.server() != null) {
                url = o.server().server();
                if (password.isEmpty() && o.server().passwordFile() != null) {
                    password = DbPassword.read(Path.of(o.server().passwordFile()));
                }
            } else {
                lock = o.lock();
                url = keepOpenInProcess(withoutAutoServer(url));
            }
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser(System.getenv().getOrDefault("ARRAYSWEEP_DB_USER", "sa"));
        ds.setPassword(password);
        try {
            connect(ds, url, migrate);
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.release(() -> shutdownQuietly(ds));
            }
            throw e;
        }
        return new Database(jdbi(ds), url, clock, lock, ds);
    }

    /**
     * {@return the database behind a server URL, not connected yet}: every use connects anew, so a server that
     * is down now (restarting, unreachable) is used as soon as it answers again. For a worker that writes live
     * and must never wait for the database; the schema is not checked.
     */
    public static Database connectLater(String url, Clock clock) {
        if (!isServerUrl(url)) {
            throw new IllegalArgumentException("not a server URL: " + url);
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser(System.getenv().getOrDefault("ARRAYSWEEP_DB_USER", "sa"));
        ds.setPassword(DbPassword.fromEnvironment());
        KeptConnection kept = new KeptConnection(ds);
        Jdbi jdbi = Jdbi.create(kept);
        customize(jdbi);
        Database db = new Database(jdbi, url, clock, null, ds);
        db.kept = kept;
        return db;
    }

    /**
     * Drops the connection a {@link #connectLater} database keeps, after a failure: the next use connects anew
     * (a connection the server broke is never reused). Nothing to do for other databases.
     */
    public void reconnect() {
        if (kept != null) {
            kept.drop();
        }
    }

    /**
     * One connection kept open across uses, so that a worker writing live costs the server one connection, not
     * one per event (500 workers connecting for every event overran the H2 server's accept queue).
     */
    private static final class KeptConnection implements ConnectionFactory {
        private final JdbcDataSource ds;
        private Connection connection;

        KeptConnection(JdbcDataSource ds) {
            this.ds = ds;
        }

        @Override
        public synchronized Connection openConnection() throws SQLException {
            if (connection == null || connection.isClosed()) {
                connection = ds.getConnection();
            }
            return connection;
        }

        @Override
        public void closeConnection(Connection toClose) {
            // kept for the next use; drop() closes it
        }

        synchronized void drop() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // broken already
                }
                connection = null;
            }
        }
    }

    private static Jdbi jdbi(JdbcDataSource ds) {
        Jdbi jdbi = Jdbi.create(ds);
        customize(jdbi);
        return jdbi;
    }

    private static void customize(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
                stmt.setFetchSize(FETCH_SIZE);
            }
        });
    }

    private static void connect(JdbcDataSource ds, String url, boolean migrate) {
        for (int attempt = 1; ; attempt++) {
            try (Connection probe = ds.getConnection()) {
                if (migrate) {
                    Schema.migrate(ds);
                } else if (!Schema.exists(probe)) {
                    throw ExitException.wrongState("the database at " + url + " has no arraysweep schema yet;"
                            + " run `arraysweep expand SWEEP.yaml` first to create it");
                }
                return;
            } catch (SQLException | RuntimeException e) {
                if (e instanceof ExitException ee) {
                    throw ee;
                }
                // a server that is restarting, or a write conflict while another process migrates
                if (attempt < OPEN_ATTEMPTS && transientOpenFailure(e)) {
                    sleepBeforeRetry(attempt);
                    continue;
                }
                if (inUse(e)) {
                    throw ExitException.wrongState("the database " + url + " is open in a process that does not"
                            + " take arraysweep's lock (an older arraysweep, or another H2 tool); close it, or"
                            + " share the database with `arraysweep db serve` and pass the printed URL with --db");
                }
                throw new ExitException(
                        ExitException.FAILURE,
                        "cannot open the database at " + url + ": " + firstLine(e)
                                + "\n(check --db / ARRAYSWEEP_DB, and that the server is running)",
                        e);
            }
        }
    }

    /**
     * {@return the path H2 names an embedded database by (without {@code .mv.db}), or empty for a server or
     * in-memory URL}
     */
    public static Optional<Path> embeddedBase(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tcp:") || lower.startsWith("ssl:") || lower.startsWith("mem:")) {
            return Optional.empty();
        }
        if (lower.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        int semi = rest.indexOf(';');
        String path = semi < 0 ? rest : rest.substring(0, semi);
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(Path.of(path).toAbsolutePath().normalize());
    }

    /** {@return whether {@code url} reaches the database through a server (live writes are possible)} */
    public static boolean isServerUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:");
    }

    private static String withoutAutoServer(String url) {
        return url.replaceAll("(?i);AUTO_SERVER=TRUE", "").replaceAll("(?i);AUTO_RECONNECT=TRUE", "");
    }

    static Duration waitLimit() {
        return EnvValues.seconds(System.getenv(), AccessLock.WAIT_ENV, AccessLock.DEFAULT_WAIT);
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * Closes this use of the database: the last user of an embedded file in this process shuts it down and
     * lets the next process have it. A server database needs no closing (each handle is its own connection).
     */
    @Override
    public synchronized void close() {
        reconnect();
        if (closed || lock == null) {
            closed = true;
            return;
        }
        closed = true;
        lock.release(() -> shutdownQuietly(dataSource));
    }

    private static void shutdownQuietly(JdbcDataSource ds) {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException | RuntimeException e) {
            // already closed, or never opened: nothing to shut down
        }
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
     * lost committed rows (h2database issues 4086, 4247, 4286). Nor does H2 rewrite chunks in the background while
     * it is open ({@code AUTO_COMPACT_FILL_RATE=0}): on a file of a few hundred MB its housekeeping rewrote chunks
     * during every command, about half the CPU of a fresh {@code status} (0.4-0.7 s), for space that
     * {@code arraysweep db compact} reclaims safely.
     */
    public static String keepOpenInProcess(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (!url.startsWith("jdbc:h2:file:")) {
            return url;
        }
        return url
                + (upper.contains("DB_CLOSE_DELAY") ? "" : ";DB_CLOSE_DELAY=-1")
                + (upper.contains("MAX_COMPACT_TIME") ? "" : ";MAX_COMPACT_TIME=0")
                + (upper.contains("AUTO_COMPACT_FILL_RATE") ? "" : ";AUTO_COMPACT_FILL_RATE=0");
    }

    private static boolean transientOpenFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                int code = sql.getErrorCode();
                if (code == ErrorCode.CONCURRENT_UPDATE_1
                        || code == ErrorCode.CONNECTION_BROKEN_1
                        || code == ErrorCode.LOCK_TIMEOUT_1
                        || code == ErrorCode.DATABASE_IS_CLOSED) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@return what to tell the user when {@code e} is the database going away under a command (a server
     * stopped or restarting, a broken connection)}; empty for any other failure
     */
    public static Optional<String> connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            boolean lost = t instanceof ConnectException
                    || t instanceof EOFException
                    || t instanceof SocketException
                    || (t instanceof SQLException sql
                            && (sql.getErrorCode() == ErrorCode.CONNECTION_BROKEN_1
                                    || sql.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED));
            if (lost) {
                return Optional.of("lost the connection to the database (" + firstLine(t) + "); is its"
                        + " server (`arraysweep db serve`) running? Nothing was lost: workers journal every result."
                        + " Run the command again once the database answers.");
            }
        }
        return Optional.empty();
    }

    /** {@return whether opening failed because another process holds the database file} */
    static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && (sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1
                            || String.valueOf(sql.getMessage()).contains("Lock file")
                            || String.valueOf(sql.getMessage()).contains("Locked by another"))) {
                return true;
            }
        }
        return false;
    }

    private static void sleepBeforeRetry(int attempt) {
        try {
            Thread.sleep(100L * attempt + ThreadLocalRandom.current().nextLong(200));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new ExitException(ExitException.FAILURE, "interrupted while opening the database", ie);
        }
    }

    /**
     * Closes the database for every connection of this process ({@code SHUTDOWN}; it does not compact, see
     * {@link #keepOpenInProcess}), as if the process had ended: an embedded database otherwise stays open.
     */
    public void shutdown() {
        Handle h = jdbi.open();
        try (Statement st = h.getConnection().createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new ExitException(
                    ExitException.FAILURE, "cannot close the database " + url + ": " + e.getMessage(), e);
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
