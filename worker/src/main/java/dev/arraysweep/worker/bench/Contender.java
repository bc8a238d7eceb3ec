package dev.arraysweep.worker.bench;

/**
 * Something timed against others in interleaved rounds: it is set up (and warmed up) once, then runs a
 * stretch of steps per round, so that a change of machine load hits every contender of a round alike.
 */
interface Contender extends AutoCloseable {
    /** {@return the time of {@code steps} more steps} */
    Stretch run(int steps);

    @Override
    void close();
}
