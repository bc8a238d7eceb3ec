package dev.arraysweep.db;

/** Counted nouns as a user reads them: "1 run", "2 runs", "1 retired run". */
public final class Plural {
    private Plural() {}

    /** {@return {@code n} and {@code noun}, with an "s" unless {@code n} is 1} */
    public static String of(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
