package dev.arraysweep.db.params;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * When a parameter applies, as a predicate over the canonical values of the parameters before it.
 *
 * <p>A parameter that was removed because it does not apply reads as absent, so conditions chain:
 * {@code margin} applies when {@code filter_kind = soft}, and {@code filter_kind} only exists when a
 * filter is on.
 *
 * @param description the rule as shown to users, e.g. "optimizer = sgd"
 * @param dependsOn the parameters the rule reads
 * @param test the rule over the values resolved so far
 */
public record Condition(String description, Set<String> dependsOn, Predicate<Map<String, Object>> test) {

    /** The condition of parameters that apply to every run. */
    public static final Condition ALWAYS = new Condition("always", Set.of(), m -> true);

    public Condition {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(test, "test");
        dependsOn = Set.copyOf(dependsOn);
    }

    /** {@return whether the parameter applies, given the values resolved so far} */
    public boolean appliesTo(Map<String, Object> resolved) {
        return test.test(resolved);
    }

    /** {@return applies when {@code name} is present and equals {@code value}} */
    public static Condition is(String name, Object value) {
        return new Condition(name + " = " + value, Set.of(name), m -> value.equals(m.get(name)));
    }

    /** {@return applies when {@code name} is present and is one of {@code values}} */
    public static Condition in(String name, Object... values) {
        List<Object> list = List.of(values);
        String text =
                name + " in {" + Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(", ")) + "}";
        return new Condition(text, Set.of(name), m -> list.contains(m.get(name)));
    }

    /** {@return applies when {@code name} is present and differs from {@code value}} */
    public static Condition isNot(String name, Object value) {
        return new Condition(
                name + " != " + value, Set.of(name), m -> m.get(name) != null && !value.equals(m.get(name)));
    }

    /** {@return applies when {@code name} is present and not null} */
    public static Condition given(String name) {
        return new Condition(name + " is set", Set.of(name), m -> m.get(name) != null);
    }

    /** {@return applies when both conditions do} */
    public Condition and(Condition other) {
        return new Condition(description + " and " + other.description, union(other), test.and(other.test));
    }

    /** {@return applies when either condition does} */
    public Condition or(Condition other) {
        return new Condition("(" + description + " or " + other.description + ")", union(other), test.or(other.test));
    }

    private Set<String> union(Condition other) {
        Set<String> names = new HashSet<>(dependsOn);
        names.addAll(other.dependsOn);
        return names;
    }
}
