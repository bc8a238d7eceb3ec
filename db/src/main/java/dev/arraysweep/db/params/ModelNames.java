package dev.arraysweep.db.params;

import java.util.regex.Pattern;

/** The one definition of the {@code fcnet<N>} model names, shared by the {@code model} parameter and the worker's models. */
public final class ModelNames {
    /** {@code fcnet<N>}: one hidden ReLU layer of N units, N from 1 to 9,999,999; group 1 is N. */
    public static final Pattern FCNET = Pattern.compile("fcnet([1-9][0-9]{0,6})");

    private ModelNames() {}
}
