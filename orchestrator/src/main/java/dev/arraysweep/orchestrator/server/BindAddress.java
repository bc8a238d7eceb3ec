package dev.arraysweep.orchestrator.server;

import dev.arraysweep.db.ExitException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** What the servers of arraysweep ({@code db serve}, {@code dashboard}) share about the address they bind. */
public final class BindAddress {
    private BindAddress() {}

    /** {@return the address of {@code --bind}} @throws ExitException (bad input) for an unknown host */
    public static InetAddress resolve(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw ExitException.badInput("--bind " + bind + " is not an address or host name of this machine");
        }
    }

    /** {@return this machine's name for URLs of a server bound to every address, or "localhost"} */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
