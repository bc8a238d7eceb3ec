package dev.arraysweep.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The project's version, as {@code worker --version} and {@code arraysweep --version} print it.
 *
 * <p>Read from the db jar's manifest ({@code Implementation-Version}, which the jar plugin takes from the root
 * pom's {@code revision} property), else from {@code version.properties} next to this class, which Maven filters
 * with the same version: so it is also right when the classes run from {@code target/classes}, as in tests.
 */
public final class Version {
    /** What {@link #current()} returns when neither the manifest nor the resource names a version. */
    public static final String UNKNOWN = "unknown";

    private static final String RESOURCE = "version.properties";

    private Version() {}

    /** {@return this build's version, e.g. {@code 0.1.0-SNAPSHOT}, or {@link #UNKNOWN}} */
    public static String current() {
        try (InputStream resource = Version.class.getResourceAsStream(RESOURCE)) {
            return of(Version.class.getPackage().getImplementationVersion(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the class path", e);
        }
    }

    /**
     * {@return the manifest's version when it names one, else the {@code version} key of the properties resource,
     * else {@link #UNKNOWN}} A resource that Maven did not filter (still {@code ${...}}) names none.
     *
     * @param manifestVersion the jar manifest's {@code Implementation-Version}, null outside a jar
     * @param resource the filtered properties, null when missing
     */
    static String of(String manifestVersion, InputStream resource) throws IOException {
        if (manifestVersion != null && !manifestVersion.isBlank()) {
            return manifestVersion.strip();
        }
        if (resource != null) {
            Properties p = new Properties();
            p.load(resource);
            String v = p.getProperty("version", "").strip();
            if (!v.isEmpty() && !v.contains("${")) {
                return v;
            }
        }
        return UNKNOWN;
    }
}
