package dev.arraysweep.worker.spec;

import dev.arraysweep.db.params.ParamValues;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's canonical parameters as the spec records read them, remembering which parameters were read and
 * which enum each choice became (so a test can check that every registry parameter reaches the worker).
 */
final class SpecReader {
    private final ParamValues values;
    private final Set<String> read = new LinkedHashSet<>();
    private final Map<String, Class<? extends Enum<?>>> choices = new LinkedHashMap<>();

    SpecReader(ParamValues values) {
        this.values = values;
    }

    /** {@return whether parameter {@code name} applies to the run} */
    boolean has(String name) {
        return values.has(name);
    }

    int integer(String name) {
        read.add(name);
        return values.intValue(name);
    }

    double real(String name) {
        read.add(name);
        return values.doubleValue(name);
    }

    boolean bool(String name) {
        read.add(name);
        return values.bool(name);
    }

    /** {@return the value of a CHOICE or STRING parameter that is no enum here (a model name)} */
    String string(String name) {
        read.add(name);
        return values.string(name);
    }

    /** {@return the value of a choice parameter as a constant of {@code type}} */
    <E extends Enum<E>> E choice(String name, Class<E> type) {
        read.add(name);
        choices.put(name, type);
        return Choices.parse(type, values.string(name));
    }

    /**
     * {@return the value of a choice parameter as a constant of {@code type}, or {@code absent} where the run
     * does not carry it (it does not apply, or stands at its implicit value)}
     */
    <E extends Enum<E>> E choiceOr(String name, Class<E> type, E absent) {
        read.add(name);
        choices.put(name, type);
        return values.has(name) ? Choices.parse(type, values.string(name)) : absent;
    }

    List<Integer> intList(String name) {
        read.add(name);
        return values.intList(name);
    }

    /** {@return the value of a nullable INT parameter, or null where it is null or does not apply} */
    Integer nullableInt(String name) {
        read.add(name);
        return values.has(name) ? values.nullableInt(name) : null;
    }

    /** {@return the value of a nullable DOUBLE parameter, or null where it is null or does not apply} */
    Double nullableReal(String name) {
        read.add(name);
        return values.has(name) ? values.nullableDouble(name) : null;
    }

    /** {@return the value of a nullable STRING parameter, or null where it is null or does not apply} */
    String nullableString(String name) {
        read.add(name);
        return values.has(name) ? values.nullableString(name) : null;
    }

    /** {@return the value of a nullable DOUBLE_LIST parameter, or null where it is null or does not apply} */
    List<Double> nullableDoubleList(String name) {
        read.add(name);
        return values.has(name) ? values.nullableDoubleList(name) : null;
    }

    /** {@return the parameters read so far} */
    Set<String> read() {
        return read;
    }

    /** {@return the enum each choice parameter read so far became} */
    Map<String, Class<? extends Enum<?>>> choices() {
        return choices;
    }
}
