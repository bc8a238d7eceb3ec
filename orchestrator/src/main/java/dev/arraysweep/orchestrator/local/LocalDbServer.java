package dev.arraysweep.orchestrator.local;

import dev.arraysweep.db.Workspace;
import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * An H2 TCP server on loopback that serves this process's embedded database to local worker processes
 * while {@code run-local} runs them, announced in the work directory so that other local commands
 * ({@code status} in another terminal) reach it too; for a database that is already a server URL it does
 * nothing.
 */
public final class LocalDbServer implements AutoCloseable {
    private final Server server;
    private final Workspace workspace;

    private LocalDbServer(Server server, Workspace workspace) {
        this.server = server;
        this.workspace = workspace;
    }

    /** {@return a running server for the workspace's embedded database, or a no-op for a remote one} */
    public static LocalDbServer start(Workspace ws) throws SQLException {
        if (!ws.embedded()) {
            return new LocalDbServer(null, ws);
        }
        Server s = Server.createTcpServer("-tcpPort", "0", "-ifExists", "-tcpDaemon").start();
        String path = ws.root().resolve("arraysweep").toString();
        String url = "jdbc:h2:tcp://127.0.0.1:" + s.getPort() + "/" + path;
        try {
            java.nio.file.Files.writeString(ws.serverFile(), url + "\n");
        } catch (java.io.IOException e) {
            s.stop();
            throw new java.io.UncheckedIOException("cannot announce the database server in " + ws.serverFile(), e);
        }
        return new LocalDbServer(s, new Workspace(ws.root(), url));
    }

    /** {@return the workspace workers should use (its URL points at this server)} */
    public Workspace workspace() {
        return workspace;
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                java.nio.file.Files.deleteIfExists(workspace.serverFile());
            } catch (java.io.IOException e) {
                // a stale file is harmless: readers probe the server before using it
            }
            server.stop();
        }
    }
}
