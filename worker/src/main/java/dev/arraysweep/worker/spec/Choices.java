package dev.arraysweep.worker.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Maps a choice parameter's names to enum constants and back: {@code top-k} is {@code TOP_K}. */
public final class Choices {
    private Choices() {}

    /** {@return the constant of {@code type} that the registry name {@code name} stands for} */
    static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "no " + type.getSimpleName() + " is called " + name + "; expected one of " + names(type), e);
        }
    }

    /** {@return the registry name of a choice, e.g. {@code top-k} for {@code TOP_K}} */
    public static String name(Enum<?> choice) {
        return choice.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@return the registry names of every constant of {@code type}, in declaration order} */
    static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choices::name).toList();
    }
}
