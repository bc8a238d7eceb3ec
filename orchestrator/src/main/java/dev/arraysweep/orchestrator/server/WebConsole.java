package dev.arraysweep.orchestrator.server;

import java.sql.SQLException;
import org.h2.engine.SysProperties;
import org.h2.tools.Server;

/**
 * H2's web console for ad-hoc SQL over the results, listening on this machine only.
 *
 * <p>H2 binds its server sockets to the address in the system property {@code h2.bindAddress}, read once
 * when H2 first loads; {@link #start} sets it to the loopback address when this JVM has not touched H2
 * yet (the {@code arraysweep db console} process). Either way the console refuses connections from
 * other machines ({@code -webAllowOthers} is off).
 */
public final class WebConsole implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";

    private final Server server;

    private WebConsole(Server server) {
        this.server = server;
    }

    /** {@return a running console on {@code port} (0: any free port)} */
    public static WebConsole start(int port) throws SQLException {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", LOOPBACK);
        }
        return new WebConsole(
                Server.createWebServer("-webPort", Integer.toString(port)).start());
    }

    /** {@return whether the listening socket is bound to the loopback address only} */
    public boolean loopbackOnly() {
        return LOOPBACK.equals(SysProperties.BIND_ADDRESS);
    }

    /** {@return the port it listens on} */
    int port() {
        return server.getPort();
    }

    /** {@return the address to open in a browser} */
    public String url() {
        return "http://" + (loopbackOnly() ? LOOPBACK : "localhost") + ":" + port();
    }

    /** Stops the console. */
    @Override
    public void close() {
        server.stop();
    }
}
