package dev.arraysweep.worker.task;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import sun.misc.Signal;

/**
 * Turns SIGUSR1 (Slurm's warning before the time limit, {@code --signal=B:USR1@grace}), SIGTERM (preemption,
 * scancel, a stopped {@code run-local}) and SIGINT (Ctrl-C in the terminal of {@code run-local} or of a worker
 * started by hand) into a request to stop after the current step, so the worker can checkpoint and be resumed
 * instead of dying mid-epoch. A second signal changes nothing.
 */
final class StopSignal implements BooleanSupplier {
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile String name;

    static StopSignal install(PrintStream out) {
        StopSignal s = new StopSignal();
        for (String sig : new String[] {"USR1", "TERM", "INT"}) {
            try {
                Signal.handle(new Signal(sig), signal -> {
                    if (s.requested.compareAndSet(false, true)) {
                        s.name = "SIG" + sig;
                        out.println("received SIG" + sig + ": finishing the current step, then checkpointing");
                        out.flush();
                    }
                });
            } catch (IllegalArgumentException e) {
                // the signal is not available on this platform or is reserved by the JVM
            }
        }
        return s;
    }

    /** Asks to stop, as a signal would (for tests and in-process callers). */
    void request(String why) {
        if (requested.compareAndSet(false, true)) {
            name = why;
        }
    }

    @Override
    public boolean getAsBoolean() {
        return requested.get();
    }

    String name() {
        return name;
    }
}
