package dev.arraysweep.db;

/** Checks of command-line flag values shared by the {@code arraysweep} and {@code worker} commands. */
public final class FlagValues {
    private FlagValues() {}

    /**
     * {@return {@code value} as a positive whole number, {@code fallback} when the flag was not given}
     *
     * <p>Underscores may group digits, as in {@code 100_000}.
     *
     * @param flag the flag's name without dashes, for the message
     * @param value the flag's value as given, or null when the flag was absent
     * @throws ExitException (exit status 2) saying what was expected when the value is not a positive whole number
     */
    public static int positiveInt(String flag, String value, int fallback) {
        return value == null ? fallback : atLeast(1, flag, value, "a positive whole number");
    }

    /**
     * {@return {@code value} as a whole number of at least 0}
     *
     * @throws ExitException (exit status 2) saying what was expected when it is not
     */
    public static int nonNegativeInt(String flag, String value) {
        return atLeast(0, flag, value, "a non-negative whole number");
    }

    /**
     * {@return {@code value} as a whole number of at least {@code min}}
     *
     * @param expected what the flag expects, in words, for the message ({@code "an epoch number >= 0"})
     * @throws ExitException (exit status 2) "--FLAG expects EXPECTED, not 'VALUE'" when it is not
     */
    public static int atLeast(int min, String flag, String value, String expected) {
        try {
            int n = Integer.parseInt(value.strip().replace("_", ""));
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw ExitException.badInput("--" + flag + " expects " + expected + ", not '" + value + "'");
    }
}
