package dev.arraysweep.db;

/** Checks of command-line flag values shared by the {@code arraysweep} and {@code worker} commands. */
public final class FlagValues {
    private FlagValues() {
    }

    /**
     * {@return {@code value} as a positive whole number, {@code fallback} when the flag was not given}
     *
     * @param flag the flag's name without dashes, for the message
     * @param value the flag's value as given, or null when the flag was absent
     * @throws ExitException (exit status 2) saying what was expected when the value is not a positive whole number
     */
    public static int positiveInt(String flag, String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw ExitException.badInput("--" + flag + " expects a positive whole number, not '" + value + "'");
    }
}
