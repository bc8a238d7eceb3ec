package dev.arraysweep.db.schema;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether the database has already applied every migration this build ships, so that starting Flyway
 * (about half a second of a command's start in a fresh JVM, mostly its own class loading and classpath scan)
 * can be skipped. Any doubt (no history table, a failed migration, resources that cannot be listed) answers
 * "not current", and Flyway runs as before.
 */
final class MigrationHistory {
    private static final String LOCATION = "db/migration";
    private static final Pattern SCRIPT = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.+\\.sql");

    private MigrationHistory() {}

    /** {@return whether the newest successful migration in the database is the newest one shipped} */
    static boolean isCurrent(Connection c) {
        Optional<List<Integer>> shipped = newestShipped();
        if (shipped.isEmpty()) {
            return false;
        }
        try (Statement st = c.createStatement();
                ResultSet failed =
                        st.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE NOT \"success\"")) {
            if (!failed.next() || failed.getLong(1) != 0) {
                return false;
            }
        } catch (SQLException e) {
            return false; // no history yet: a new database
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                        + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC LIMIT 1")) {
            return rs.next() && parse(rs.getString(1)).equals(shipped.get());
        } catch (SQLException e) {
            return false;
        }
    }

    /** {@return the version of the newest migration script on the classpath, as numbers} */
    static Optional<List<Integer>> newestShipped() {
        URL url = MigrationHistory.class.getClassLoader().getResource(LOCATION);
        if (url == null) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        try {
            if ("file".equals(url.getProtocol())) {
                String[] files = new File(url.toURI()).list();
                if (files == null) {
                    return Optional.empty();
                }
                names.addAll(List.of(files));
            } else if ("jar".equals(url.getProtocol())) {
                String path = url.getPath(); // file:/.../db.jar!/db/migration
                String jarPath =
                        URLDecoder.decode(path.substring("file:".length(), path.indexOf("!/")), StandardCharsets.UTF_8);
                try (JarFile jar = new JarFile(jarPath)) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String name = e.nextElement().getName();
                        if (name.startsWith(LOCATION + "/")) {
                            names.add(name.substring(LOCATION.length() + 1));
                        }
                    }
                }
            } else {
                return Optional.empty();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        List<Integer> newest = null;
        for (String name : names) {
            Matcher m = SCRIPT.matcher(name);
            if (m.matches()) {
                List<Integer> v = parse(m.group(1));
                if (newest == null || compare(v, newest) > 0) {
                    newest = v;
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    private static List<Integer> parse(String version) {
        List<Integer> parts = new ArrayList<>();
        for (String p : version.split("[._]")) {
            parts.add(Integer.parseInt(p));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1) == 0) {
            parts.remove(parts.size() - 1); // 2.0 is 2
        }
        return parts;
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int x = i < a.size() ? a.get(i) : 0;
            int y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
