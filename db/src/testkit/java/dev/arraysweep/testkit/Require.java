package dev.arraysweep.testkit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one guard for tests that need something outside the repository (Debian's Fashion-MNIST, a running
 * Slurm): on a developer's machine without it the test is skipped and says what to install; where
 * {@code ARRAYSWEEP_REQUIRE_ALL=1} (set by {@code .ci/run}) a missing requirement fails the test instead, so CI
 * never passes by skipping.
 */
public final class Require {
    /** Environment variable that turns every skip into a failure. */
    public static final String ALL_ENV = "ARRAYSWEEP_REQUIRE_ALL";
    /** Where Debian's {@code dataset-fashion-mnist} puts the IDX files. */
    public static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    private Require() {
    }

    /** {@return Fashion-MNIST's folder}, skipping (or, in CI, failing) the test when it is not installed */
    public static Path fashionMnist() {
        that(Files.isDirectory(FASHION_MNIST), "needs Debian's dataset-fashion-mnist (apt-get install"
                + " dataset-fashion-mnist; .ci/run installs it)");
        return FASHION_MNIST;
    }

    /** Skips the test (fails it where every requirement is required) unless {@code condition} holds. */
    public static void that(boolean condition, String why) {
        if (condition) {
            return;
        }
        if (required()) {
            fail(why + " (" + ALL_ENV + "=1: a missing requirement fails instead of skipping)");
        }
        assumeTrue(false, why);
    }

    /** {@return whether a missing requirement fails the test instead of skipping it} */
    public static boolean required() {
        return "1".equals(System.getenv(ALL_ENV)) || "1".equals(System.getenv("ARRAYSWEEP_REQUIRE_SLURM"));
    }
}
