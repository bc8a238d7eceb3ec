package dev.arraysweep.db.schema;

import dev.arraysweep.db.params.TwinKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SQL views users query, kept in {@code views/*.sql} beside this class: {@code runs} (one row per run, one
 * typed column per parameter), {@code final_metrics} (last recorded epoch per run and split), {@code run_results}
 * (runs with their final train and test metrics), {@code curves} (every epoch row with sweep and index) and
 * {@code twins} (each filtered run beside its archetype twin, with test/train ratios).
 *
 * <p>The parts that come from the parameter registry and {@link TwinKey} are {@code <placeholders>} in those
 * files, filled in here; comment lines are dropped and whitespace collapsed, so a view's definition (and the hash
 * {@link Schema} stamps on the views) changes only when its SQL does.
 */
final class Views {
    private static final List<String> FILES = List.of("runs", "final_metrics", "run_results", "curves", "twins");
    private static final Pattern PLACEHOLDER = Pattern.compile("<([a-z_]+)>");

    private Views() {}

    /** {@return the names of the views, each after the views it reads} */
    static List<String> names() {
        return FILES;
    }

    static List<String> definitions(List<ParamColumn> params) {
        Map<String, String> parts = Map.of(
                "param_columns", columns("p", params),
                "sampling_columns",
                        columns(
                                "f",
                                params.stream()
                                        .filter(p -> TwinKey.SAMPLING_PARAMETERS.contains(p.name()))
                                        .toList()),
                "archetype_a", archetype("a"),
                "archetype_f", archetype("f"));
        return FILES.stream().map(name -> fill(name, read(name), parts)).toList();
    }

    /** {@return ", alias.COL AS COL" for each column, or nothing for none} */
    private static String columns(String alias, List<ParamColumn> params) {
        return params.stream()
                .map(p -> ", " + alias + "." + p.quoted() + " AS " + p.quoted())
                .collect(Collectors.joining());
    }

    /** {@return the condition that the run {@code alias} has the archetype's sampling parameters} */
    private static String archetype(String alias) {
        return TwinKey.ARCHETYPE.entrySet().stream()
                .map(e -> alias + "." + quoted(e.getKey()) + " = " + literal(e))
                .collect(Collectors.joining(" AND "));
    }

    private static String quoted(String param) {
        return new ParamColumn(param, "").quoted();
    }

    private static String literal(Map.Entry<String, Object> e) {
        return e.getValue() instanceof Boolean b ? b.toString().toUpperCase(Locale.ROOT) : "'" + e.getValue() + "'";
    }

    private static String read(String name) {
        String path = "views/" + name + ".sql";
        try (InputStream in = Views.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("view SQL missing from the class path: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops comment lines, collapses whitespace and fills in the placeholders; an unknown one is a bug. */
    private static String fill(String name, String sql, Map<String, String> parts) {
        String text = sql.lines()
                .filter(line -> !line.strip().startsWith("--"))
                .collect(Collectors.joining(" "))
                .strip()
                .replaceAll("\\s+", " ");
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String part = parts.get(m.group(1));
            if (part == null) {
                throw new IllegalStateException("views/" + name + ".sql: unknown placeholder " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(part));
        }
        return m.appendTail(out).toString();
    }
}
