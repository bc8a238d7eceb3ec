package dev.arraysweep.db;

import java.time.Duration;
import java.util.Map;

/** Checks of environment variable values shared by the {@code arraysweep} and {@code worker} commands. */
public final class EnvValues {
    private EnvValues() {}

    /**
     * {@return the whole number of seconds in variable {@code name} of {@code env}; {@code fallback} when it is
     * unset or blank}
     *
     * @throws ExitException (exit status 2) naming the variable and the value when it is not 0 or more seconds
     */
    public static Duration seconds(Map<String, String> env, String name, Duration fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long seconds = Long.parseLong(v.strip());
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw ExitException.badInput(name + " must be a whole number of seconds (0 or more), not '" + v + "'");
    }
}
