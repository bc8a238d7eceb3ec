package dev.arraysweep.orchestrator.server;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.repo.AccessLock;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.schema.Schema;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.engine.SysProperties;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;

/**
 * An H2 TCP server for the work directory's database, so that workers on other nodes can write to it.
 *
 * <p>The database is opened here first, embedded, as user {@code sa} with the server's password (created
 * and migrated if missing, its password set if it had none), and kept open while serving: the TCP clients
 * share that open database, and {@code AUTO_SERVER} still lets local processes use the file URL. The
 * server refuses to create databases ({@code -ifExists}) and accepts other machines only when bound to an
 * address that is not the loopback ({@code -tcpAllowOthers}).
 */
public final class DbServer implements AutoCloseable {
    /** H2's system property for the address its server sockets bind to; read once, when H2 starts. */
    static final String BIND_PROPERTY = "h2.bindAddress";

    private final Server server;
    private final Connection keepOpen;
    private final String url;
    private final List<String> notes;
    private final AccessLock lock;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DbServer(Server server, Connection keepOpen, String url, List<String> notes, AccessLock lock) {
        this.server = server;
        this.keepOpen = keepOpen;
        this.url = url;
        this.notes = List.copyOf(notes);
        this.lock = lock;
    }

    /** Starts serving as {@link #start(Path, int, String, String, Path)} does, with no password file to announce. */
    public static DbServer start(Path workDir, int port, String bind, String password) {
        return start(workDir, port, bind, password, null);
    }

    /**
     * Starts serving the database of {@code workDir}.
     *
     * @param port the TCP port, 1 to 65535 (0: any free port, for tests)
     * @param bind the address to listen on: a loopback name or address (this machine only), an interface's
     *     address or host name, or {@code 0.0.0.0} for every interface
     * @param password the database password; required unless bound to the loopback
     * @param passwordFile the file the password came from, announced to local commands that connect through the
     *     server (see {@link AccessLock}); null when there is none
     * @throws ExitException bad input (2) for a bad port or address, a missing or wrong password; failure (1)
     *     when the port is taken
     */
    public static DbServer start(Path workDir, int port, String bind, String password, Path passwordFile) {
        if (port < 0 || port > 65535) {
            throw ExitException.badInput("--port " + port + " is not a TCP port (1-65535)");
        }
        InetAddress address = BindAddress.resolve(bind);
        boolean loopback = address.isLoopbackAddress();
        boolean wildcard = address.isAnyLocalAddress();
        if (!loopback && password.isEmpty()) {
            throw ExitException.badInput("serving to other machines (--bind " + bind + ") needs a password:"
                    + " --password-file FILE (one line; workers read it through ARRAYSWEEP_DB_PASSWORD_FILE)");
        }
        List<String> notes = new ArrayList<>();
        if (!wildcard) {
            System.setProperty(BIND_PROPERTY, address.getHostAddress());
        }
        // the server keeps the file for as long as it runs; local commands that wait for it connect through it
        AccessLock lock = AccessLock.hold(Workspace.databaseFile(workDir), "arraysweep db serve");
        Connection keepOpen;
        try {
            keepOpen = openEmbedded(workDir, password, notes);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
        String bound = SysProperties.BIND_ADDRESS;
        if (!wildcard && !address.getHostAddress().equals(bound)) {
            notes.add("H2 was started before --bind could take effect, so the server listens on every interface"
                    + (loopback ? "; it still accepts connections from this machine only" : ""));
        }
        List<String> args = new ArrayList<>(List.of("-tcpPort", Integer.toString(port), "-ifExists"));
        if (!loopback) {
            args.add("-tcpAllowOthers");
        }
        Server server;
        try {
            server = Server.createTcpServer(args.toArray(String[]::new)).start();
        } catch (SQLException e) {
            close(keepOpen);
            lock.release();
            throw ExitException.failure(
                    "cannot start the H2 server on port " + port + ": " + e.getMessage()
                            + " (is the port taken? choose another with --port)",
                    e);
        }
        String host = wildcard ? BindAddress.hostName() : bind;
        String url = "jdbc:h2:tcp://" + host + ":" + server.getPort() + "/" + Workspace.databaseFile(workDir);
        String local = "jdbc:h2:tcp://" + (loopback || wildcard ? "localhost" : bind) + ":" + server.getPort() + "/"
                + Workspace.databaseFile(workDir);
        lock.announceServer(
                local,
                passwordFile == null ? null : passwordFile.toAbsolutePath().toString(),
                "arraysweep db serve");
        return new DbServer(server, keepOpen, url, notes, lock);
    }

    private static Connection openEmbedded(Path workDir, String password, List<String> notes) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(Database.keepOpenInProcess(Workspace.embeddedUrl(workDir)));
        ds.setUser("sa");
        ds.setPassword(password);
        try {
            Connection c = ds.getConnection();
            Schema.migrate(ds);
            return c;
        } catch (SQLException wrong) {
            if (password.isEmpty() || !wrongPassword(wrong)) {
                throw ExitException.badInput(
                        "cannot open the database " + Workspace.databaseFile(workDir) + ": " + wrong.getMessage()
                                + (wrongPassword(wrong) ? "; give its password with --password-file" : ""));
            }
        }
        ds.setPassword(""); // a database made by `expand` has no password yet: give it this one
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            st.execute("ALTER USER SA SET PASSWORD '" + password.replace("'", "''") + "'");
        } catch (SQLException e) {
            throw ExitException.badInput("the password in --password-file does not open the database "
                    + Workspace.databaseFile(workDir) + " (" + e.getMessage() + "); give the password it was"
                    + " created with");
        }
        notes.add("the database had no password; it now has the one in --password-file, so local arraysweep"
                + " commands need ARRAYSWEEP_DB_PASSWORD_FILE too");
        return openEmbedded(workDir, password, notes);
    }

    private static boolean wrongPassword(SQLException e) {
        return "28000".equals(e.getSQLState()) || e.getErrorCode() == 28000;
    }

    /** {@return the JDBC URL workers use: {@code jdbc:h2:tcp://HOST:PORT/<workdir>/arraysweep}} */
    public String url() {
        return url;
    }

    /** {@return the port the server listens on} */
    public int port() {
        return server.getPort();
    }

    /** {@return what the user should know about how the server was started} */
    public List<String> notes() {
        return notes;
    }

    /** {@return whether the server still accepts connections} */
    public boolean running() {
        return server.isRunning(false);
    }

    /**
     * Stops the server and closes the database: {@code SHUTDOWN}, because the database was opened to stay
     * open in this process ({@code DB_CLOSE_DELAY=-1}) and closing the last connection would not close it.
     * {@code MAX_COMPACT_TIME=0} keeps the close from compacting (see {@link Database#keepOpenInProcess}).
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return; // Ctrl-C's hook and the command's own close both come here
        }
        server.stop();
        try {
            if (!keepOpen.isClosed()) { // on Ctrl-C, H2's own shutdown hook may have closed it first
                try (Statement st = keepOpen.createStatement()) {
                    st.execute("SHUTDOWN");
                }
            }
        } catch (SQLException e) {
            // closed meanwhile: nothing left to do
        }
        close(keepOpen);
        lock.release();
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing on the way out: nothing left to do about it
        }
    }
}
