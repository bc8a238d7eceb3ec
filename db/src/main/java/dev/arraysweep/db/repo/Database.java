package dev.arraysweep.db.repo;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
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
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser(System.getenv().getOrDefault("ARRAYSWEEP_DB_USER", "sa"));
        ds.setPassword(DbPassword.fromEnvironment());
        try (Connection probe = ds.getConnection()) {
            if (migrate) {
                Schema.migrate(ds);
            } else if (!Schema.exists(probe)) {
                throw ExitException.wrongState("the database at " + url + " has no arraysweep schema yet;"
                        + " run `arraysweep expand SWEEP.yaml` first to create it");
            }
        } catch (SQLException e) {
            throw new ExitException(ExitException.FAILURE, "cannot open the database at " + url + ": "
                    + e.getMessage() + "\n(check --db / ARRAYSWEEP_DB, and that the server is running)", e);
        }
        Jdbi jdbi = Jdbi.create(ds);
        jdbi.installPlugin(new SqlObjectPlugin());
        return new Database(jdbi, url, clock);
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
