package dev.arraysweep.db.task;

import java.nio.file.Path;

/** Prints {@code held} or {@code free}: whether another process holds the run lock at {@code args[0]}. */
public final class LockProbeMain {
    private LockProbeMain() {}

    public static void main(String[] args) {
        System.out.println(RunLock.isHeld(Path.of(args[0])) ? "held" : "free");
    }
}
