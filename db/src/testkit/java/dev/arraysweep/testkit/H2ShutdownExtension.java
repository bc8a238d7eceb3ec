package dev.arraysweep.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closes every H2 database that lies in a test's {@link TempDir} before JUnit deletes that directory.
 *
 * <p>arraysweep keeps an embedded database open until its process exits ({@code DB_CLOSE_DELAY=-1}), and
 * H2's lock-file watchdog rewrites {@code arraysweep.lock.db} within a second when it disappears. A test JVM
 * outlives its tests, so without this the watchdog can recreate the lock file while JUnit empties the
 * temporary directory, and the cleanup fails the test ("Failed to close extension context"). Registered for
 * every test by JUnit's extension auto-detection ({@code junit-platform.properties}).
 */
public final class H2ShutdownExtension implements AfterEachCallback, AfterAllCallback {
    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
                == TestInstance.Lifecycle.PER_METHOD) {
            context.getTestInstances()
                    .ifPresent(all -> all.getAllInstances().forEach(i -> shutdownUnder(tempDirs(i, false))));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        context.getTestClass().ifPresent(c -> shutdownUnder(tempDirs(c, null, true)));
        if (context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
                == TestInstance.Lifecycle.PER_CLASS) {
            context.getTestInstance().ifPresent(i -> shutdownUnder(tempDirs(i, false)));
        }
    }

    private static List<Path> tempDirs(Object instance, boolean statics) {
        return tempDirs(instance.getClass(), instance, statics);
    }

    private static List<Path> tempDirs(Class<?> type, Object instance, boolean statics) {
        List<Path> dirs = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(TempDir.class) && Modifier.isStatic(f.getModifiers()) == statics) {
                    try {
                        f.setAccessible(true);
                        Object value = f.get(statics ? null : instance);
                        if (value instanceof Path p) {
                            dirs.add(p);
                        } else if (value instanceof java.io.File file) {
                            dirs.add(file.toPath());
                        }
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // a field we cannot read holds nothing we could close
                    }
                }
            }
        }
        return dirs;
    }

    /** Closes each database this JVM holds open under the directories. */
    static void shutdownUnder(List<Path> dirs) {
        if (dirs.isEmpty()) {
            return;
        }
        List<String> roots = dirs.stream()
                .map(d -> d.toAbsolutePath().normalize().toString() + "/")
                .toList();
        for (Object database : openDatabases()) {
            try {
                String path = (String)
                        database.getClass().getMethod("getDatabasePath").invoke(database);
                if (path != null && roots.stream().anyMatch(path::startsWith)) {
                    Method close = database.getClass().getDeclaredMethod("close");
                    close.setAccessible(true);
                    close.invoke(database);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // already closing, or an H2 without these internals: nothing more to do here
            }
        }
    }

    /** {@return the databases H2's engine holds open in this JVM (H2 has no public API that lists them)} */
    static List<Object> openDatabases() {
        List<Object> open = new ArrayList<>();
        try {
            Field field = Class.forName("org.h2.engine.Engine").getDeclaredField("DATABASES");
            field.setAccessible(true);
            Map<?, ?> holders = (Map<?, ?>) field.get(null);
            List<Object> snapshot;
            synchronized (holders) {
                snapshot = new ArrayList<>(holders.values());
            }
            for (Object holder : snapshot) {
                Field db = holder.getClass().getDeclaredField("database");
                db.setAccessible(true);
                Object database = db.get(holder);
                if (database != null) {
                    open.add(database);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // H2 not on the class path, or its internals changed: nothing to close
        }
        return open;
    }
}
