package dev.arraysweep.db.params;

/**
 * A run parameter that is unknown, of the wrong type, out of range, or in conflict with another.
 *
 * <p>It names the parameter, the offending value, what was expected and how to fix it; the caller
 * adds where the value came from (file and line) and turns it into the user-facing error.
 */
public final class ParamException extends Exception {
    private final String param;
    private final transient Object value;
    private final String problem;
    private final String expected;
    private final String fix;

    /**
     * @param param the parameter the error is reported on
     * @param value the offending value as written (may be null)
     * @param problem what is wrong, e.g. {@code "1.5 is out of range"}
     * @param expected what a valid value looks like, e.g. {@code "a number in [0, 1)"}
     * @param fix how to fix it (may be empty)
     */
    public ParamException(String param, Object value, String problem, String expected, String fix) {
        super(param + ": " + describe(problem, expected, fix));
        this.param = param;
        this.value = value;
        this.problem = problem;
        this.expected = expected;
        this.fix = fix;
    }

    /** {@return the parameter the error is reported on} */
    public String param() {
        return param;
    }

    /** {@return the offending value as written, or null} */
    public Object value() {
        return value;
    }

    /** {@return what is wrong} */
    public String problem() {
        return problem;
    }

    /** {@return what a valid value looks like} */
    public String expected() {
        return expected;
    }

    /** {@return how to fix it, or an empty string} */
    public String fix() {
        return fix;
    }

    /** {@return the message without the parameter name, for callers that print their own key} */
    public String detail() {
        return describe(problem, expected, fix);
    }

    private static String describe(String problem, String expected, String fix) {
        return problem + "; expected " + expected + "." + (fix == null || fix.isEmpty() ? "" : " " + fix);
    }
}
