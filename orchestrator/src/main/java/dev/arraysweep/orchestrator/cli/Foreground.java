package dev.arraysweep.orchestrator.cli;

import java.util.concurrent.CountDownLatch;

/** A server a command runs in the foreground until Ctrl-C (or another signal that ends the JVM) stops it. */
final class Foreground {
    private Foreground() {}

    /**
     * Waits until the JVM is asked to end, then closes {@code server} (from a shutdown hook, so Ctrl-C stops it
     * cleanly); {@code started} runs once the hook is in place, to say where the server is.
     */
    static void serveUntilStopped(AutoCloseable server, String name, Runnable started) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    try {
                        server.close();
                    } catch (Exception e) {
                        // ending anyway
                    }
                    stopped.countDown();
                },
                name);
        Runtime.getRuntime().addShutdownHook(hook);
        started.run();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops the server
            }
        }
    }
}
