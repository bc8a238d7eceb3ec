package dev.arraysweep.db.params;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The values a parameter allows, beyond its type: a range, a set of names, or a rule on a list.
 *
 * @param description what is allowed, phrased to follow "expected", e.g. "an integer >= 1"
 * @param choices the allowed names of a choice parameter (empty for other constraints)
 * @param test accepts a value already coerced to the parameter's canonical type
 */
public record Constraint(String description, List<String> choices, Predicate<Object> test) {

    public Constraint {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(test, "test");
        choices = List.copyOf(choices);
    }

    /** {@return whether the canonical value is allowed} */
    public boolean accepts(Object value) {
        return test.test(value);
    }

    /** {@return no constraint beyond the type} */
    public static Constraint any(ParamType type) {
        return new Constraint(type.noun(), List.of(), v -> true);
    }

    /** {@return integers greater than or equal to {@code min}} */
    public static Constraint atLeast(int min) {
        return new Constraint("an integer >= " + min, List.of(), v -> (Integer) v >= min);
    }

    /** {@return numbers greater than {@code min}} */
    public static Constraint greaterThan(double min) {
        return new Constraint("a number > " + text(min), List.of(), v -> (Double) v > min);
    }

    /** {@return numbers greater than or equal to {@code min}} */
    public static Constraint notBelow(double min) {
        return new Constraint("a number >= " + text(min), List.of(), v -> (Double) v >= min);
    }

    /** {@return numbers in an interval, each end open or closed} */
    public static Constraint interval(double low, boolean lowClosed, double high, boolean highClosed) {
        String text =
                "a number in " + (lowClosed ? "[" : "(") + text(low) + ", " + text(high) + (highClosed ? "]" : ")");
        return new Constraint(text, List.of(), v -> {
            double d = (Double) v;
            return (lowClosed ? d >= low : d > low) && (highClosed ? d <= high : d < high);
        });
    }

    /** {@return one of the given lower-case names} */
    public static Constraint oneOf(String... names) {
        List<String> list = List.of(names);
        return new Constraint("one of " + String.join(", ", list), list, list::contains);
    }

    /** {@return one of the given names, or a name matching {@code pattern} (described by {@code patternText})} */
    public static Constraint oneOfOrPattern(String patternText, Pattern pattern, String... names) {
        List<String> list = List.of(names);
        return new Constraint(
                "one of " + String.join(", ", list) + " or " + patternText,
                list,
                v -> list.contains(v) || pattern.matcher((String) v).matches());
    }

    /** {@return non-empty, strictly increasing lists of integers >= {@code min}} */
    public static Constraint strictlyIncreasing(int min) {
        return new Constraint("a non-empty, strictly increasing list of integers >= " + min, List.of(), v -> {
            List<?> list = (List<?>) v;
            int previous = min - 1;
            for (Object o : list) {
                int i = (Integer) o;
                if (i <= previous) {
                    return false;
                }
                previous = i;
            }
            return !list.isEmpty();
        });
    }

    /** {@return non-empty lists of numbers >= 0 that are not all zero} */
    public static Constraint nonNegativeWeights() {
        return new Constraint("a non-empty list of numbers >= 0, not all 0", List.of(), v -> {
            List<?> list = (List<?>) v;
            double sum = 0;
            for (Object o : list) {
                double d = (Double) o;
                if (d < 0) {
                    return false;
                }
                sum += d;
            }
            return sum > 0;
        });
    }

    /** {@return a string that is not blank} */
    public static Constraint notBlank() {
        return new Constraint("a non-empty string", List.of(), v -> !((String) v).isBlank());
    }

    private static String text(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : CanonicalJson.number(d);
    }
}
