package dev.arraysweep.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The one guard for tests that need something outside the repository (Debian's Fashion-MNIST, a running
 * Slurm): on a developer's machine without it the test is skipped and says what to install; where
 * {@code ARRAYSWEEP_REQUIRE_ALL=1} (set by {@code .ci/run}) a missing requirement fails the test instead, so CI
 * never passes by skipping.
 */
public final class Require {
    /** Environment variable that turns every skip into a failure. */
    public static final String ALL_ENV = "ARRAYSWEEP_REQUIRE_ALL";
    /** The older name of {@link #ALL_ENV}, from when only the Slurm tests had a CI switch; it means the same. */
    public static final String SLURM_ENV = "ARRAYSWEEP_REQUIRE_SLURM";
    /** Where Debian's {@code dataset-fashion-mnist} puts the IDX files. */
    public static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    private Require() {}

    /** {@return Fashion-MNIST's folder}, skipping (or, in CI, failing) the test when it is not installed */
    public static Path fashionMnist() {
        that(
                Files.isDirectory(FASHION_MNIST),
                "needs Debian's dataset-fashion-mnist (apt-get install"
                        + " dataset-fashion-mnist; .ci/run installs it)");
        return FASHION_MNIST;
    }

    /** Debian's Chromium and its driver, which the dashboard's browser test drives headless. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Skips the test (fails it in CI) unless Debian's {@code chromium} and {@code chromium-driver} are installed. */
    public static void chromium() {
        that(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver;"
                        + " .ci/run installs them)");
    }

    /** Skips the test (fails it in CI) unless Debian's {@code python3-torch} imports. */
    public static void torch() {
        that(
                torchImports(),
                "needs Debian's python3-torch for a check against PyTorch itself (apt-get install python3-torch;"
                        + " .ci/run installs it)");
    }

    private static boolean torchImports() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Skips the test (fails it where every requirement is required) unless {@code condition} holds. */
    public static void that(boolean condition, String why) {
        that(condition, why, System.getenv());
    }

    /** {@link #that(boolean, String)} under the environment {@code env}. */
    static void that(boolean condition, String why, Map<String, String> env) {
        if (condition) {
            return;
        }
        String by = requiredBy(env);
        if (by != null) {
            throw new AssertionFailedError(why + " (" + by + "=1: a missing requirement fails instead of skipping)");
        }
        throw new TestAbortedException(why + " (skipped; " + ALL_ENV + "=1 makes this a failure)");
    }

    /** {@return the variable of {@code env} that makes every requirement required, or null when none does} */
    static String requiredBy(Map<String, String> env) {
        for (String name : new String[] {ALL_ENV, SLURM_ENV}) {
            if ("1".equals(env.get(name))) {
                return name;
            }
        }
        return null;
    }
}
