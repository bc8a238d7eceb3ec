package dev.arraysweep.db.params;

/** The value type of a run parameter, with the canonical Java type its values are coerced to. */
public enum ParamType {
    /** {@code Boolean}. */
    BOOL("true or false"),
    /** {@code Integer}; a number with a fraction is an error. */
    INT("an integer"),
    /** {@code Double}; integers are accepted and widened. */
    DOUBLE("a number"),
    /** {@code String} from a fixed set of lower-case names (matched case-insensitively). */
    CHOICE("one of the allowed names"),
    /** {@code String}, free text such as a path. */
    STRING("a string"),
    /** {@code List<Integer>}. */
    INT_LIST("a list of integers"),
    /** {@code List<Double>}; integers are accepted and widened. */
    DOUBLE_LIST("a list of numbers");

    private final String noun;

    ParamType(String noun) {
        this.noun = noun;
    }

    /** {@return how an error message names a value of this type, e.g. "an integer"} */
    public String noun() {
        return noun;
    }

    /** {@return whether values of this type are lists} */
    public boolean isList() {
        return this == INT_LIST || this == DOUBLE_LIST;
    }
}
