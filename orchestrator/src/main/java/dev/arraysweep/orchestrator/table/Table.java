package dev.arraysweep.orchestrator.table;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A rectangular result (column names and rows of values) that prints as a text table, CSV or JSON. */
public record Table(List<String> columns, List<List<Object>> rows) {
    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** {@return a JDBC result read to the end: lower-case column labels; CLOBs, timestamps and decimals as plain values} */
    public static Table read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            cols.add(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(cols.size());
            for (int i = 1; i <= cols.size(); i++) {
                Object v = rs.getObject(i);
                if (v instanceof java.sql.Clob clob) {
                    v = clob.getSubString(1, (int) Math.min(clob.length(), 100_000));
                } else if (v instanceof java.time.OffsetDateTime t) {
                    v = t.toInstant().toString();
                } else if (v instanceof java.math.BigDecimal bd) {
                    v = bd.doubleValue();
                }
                row.add(v);
            }
            rows.add(row);
        }
        return new Table(cols, rows);
    }

    /** {@return the table as aligned text with a header line} */
    public String toText() {
        int n = columns.size();
        int[] width = new int[n];
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            width[i] = columns.get(i).length();
        }
        for (List<Object> row : rows) {
            String[] c = new String[n];
            for (int i = 0; i < n; i++) {
                c[i] = text(row.get(i));
                width[i] = Math.max(width[i], c[i].length());
            }
            cells.add(c);
        }
        StringBuilder sb = new StringBuilder();
        line(sb, columns.toArray(new String[0]), width, null);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < n; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        }
        sb.append(rule).append('\n');
        for (int r = 0; r < cells.size(); r++) {
            line(sb, cells.get(r), width, rows.get(r));
        }
        sb.append('(').append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)").append('\n');
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] width, List<Object> raw) {
        for (int i = 0; i < cells.length; i++) {
            boolean number = raw != null && raw.get(i) instanceof Number;
            String pad = " ".repeat(width[i] - cells[i].length());
            sb.append(i == 0 ? "" : " | ").append(number ? pad + cells[i] : cells[i] + (i == cells.length - 1 ? "" : pad));
        }
        sb.append('\n');
    }

    /** {@return the table as RFC 4180 CSV with a header line} */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", columns.stream().map(Table::csv).toList())).append('\n');
        for (List<Object> row : rows) {
            List<String> c = new ArrayList<>();
            for (Object v : row) {
                c.add(v == null ? "" : csv(raw(v)));
            }
            sb.append(String.join(",", c)).append('\n');
        }
        return sb.toString();
    }

    /** {@return the table as a JSON array of objects, one per row} */
    public String toJson() {
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < rows.size(); r++) {
            sb.append(r == 0 ? "\n  {" : ",\n  {");
            for (int i = 0; i < columns.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(jsonString(columns.get(i))).append(": ")
                        .append(json(rows.get(r).get(i)));
            }
            sb.append('}');
        }
        return sb.append(rows.isEmpty() ? "]" : "\n]").append('\n').toString();
    }

    private static String text(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.format(Locale.ROOT, "%.1f", d);
            }
            return Math.abs(d) >= 1e-4 && Math.abs(d) < 1e7 ? String.format(Locale.ROOT, "%.6g", d).replaceAll("0+$", "")
                    .replaceAll("\\.$", ".0") : String.format(Locale.ROOT, "%.4e", d);
        }
        return String.valueOf(v);
    }

    private static String raw(Object v) {
        return String.valueOf(v);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? v.toString() : "null";
        }
        return jsonString(String.valueOf(v));
    }

    private static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
