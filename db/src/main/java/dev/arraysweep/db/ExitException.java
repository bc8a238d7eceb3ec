package dev.arraysweep.db;

/**
 * A failure that ends a command with a named exit status and a message for the user.
 *
 * <p>Only the command-line entry points catch it and exit; everything below them throws it. The
 * message says what is wrong and how to fix it; it is printed without a stack trace.
 */
public final class ExitException extends RuntimeException {
    /** Exit status of a run that failed for a reason that is not the user's input. */
    public static final int FAILURE = 1;
    /** Exit status for bad input: a wrong flag, sweep file, parameter or data file. */
    public static final int BAD_INPUT = 2;
    /** Exit status for a request that the current state refuses (run already running, nothing to submit). */
    public static final int WRONG_STATE = 3;

    private final int exitCode;

    public ExitException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ExitException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** {@return an exception for bad user input (exit status 2)} */
    public static ExitException badInput(String message) {
        return new ExitException(BAD_INPUT, message);
    }

    /** {@return an exception for a request refused in the current state (exit status 3)} */
    public static ExitException wrongState(String message) {
        return new ExitException(WRONG_STATE, message);
    }

    /** {@return an exception for a failure (exit status 1)} */
    public static ExitException failure(String message, Throwable cause) {
        return new ExitException(FAILURE, message, cause);
    }

    /** {@return the process exit status this failure maps to} */
    public int exitCode() {
        return exitCode;
    }
}
