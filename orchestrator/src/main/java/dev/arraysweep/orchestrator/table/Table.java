package dev.arraysweep.orchestrator.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A rectangular result (column names and rows of values) that prints as a text table, CSV or JSON. */
public record Table(List<String> columns, List<List<Object>> rows) {
    private static final CSVFormat CSV =
            CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    private static final JsonFactory JSON = new JsonFactory();

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** {@return a JDBC result read to the end: lower-case column labels; CLOBs, timestamps and decimals as plain values} */
    public static Table read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            cols.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(cols.size());
            for (int i = 1; i <= cols.size(); i++) {
                Object v = rs.getObject(i);
                if (v instanceof Clob clob) {
                    v = clob.getSubString(1, (int) Math.min(clob.length(), 100_000));
                } else if (v instanceof OffsetDateTime t) {
                    v = t.toInstant().toString();
                } else if (v instanceof BigDecimal bd) {
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
        sb.append('(')
                .append(rows.size())
                .append(rows.size() == 1 ? " row)" : " rows)")
                .append('\n');
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] width, List<Object> raw) {
        for (int i = 0; i < cells.length; i++) {
            boolean number = raw != null && raw.get(i) instanceof Number;
            String pad = " ".repeat(width[i] - cells[i].length());
            sb.append(i == 0 ? "" : " | ")
                    .append(number ? pad + cells[i] : cells[i] + (i == cells.length - 1 ? "" : pad));
        }
        sb.append('\n');
    }

    /**
     * {@return the table as CSV with a header line} Quoting follows RFC 4180 in Commons CSV's minimal mode: a field
     * is quoted when it holds a comma, quote, CR or LF, begins with a blank, control character, '!' or '#', or
     * ends with a blank. Lines end in LF. A null is an empty field, like an empty string, which Commons CSV
     * quotes ({@code ""}) where it starts a line, so a one-column row is never a blank line that readers skip.
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(sb, CSV)) {
            out.printRecord(columns);
            for (List<Object> row : rows) {
                out.printRecord(row.stream().map(v -> v == null ? "" : String.valueOf(v)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: a StringBuilder does not fail", e);
        }
        return sb.toString();
    }

    /**
     * {@return the table as a JSON array with one object per row, each on a line of its own} Numbers are written
     * as Java prints them, NaN and infinities as null, anything else that is not a boolean as a string.
     */
    public String toJson() {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            g.setPrettyPrinter(rowPerLine());
            g.writeStartArray();
            for (List<Object> row : rows) {
                g.writeStartObject();
                for (int i = 0; i < columns.size(); i++) {
                    g.writeFieldName(columns.get(i));
                    writeValue(g, row.get(i));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: a StringWriter does not fail", e);
        }
        return sw.append('\n').toString();
    }

    /** Rows one per line, indented by two spaces; inside a row {@code "name": value, ...}; {@code []} when empty. */
    private static DefaultPrettyPrinter rowPerLine() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator("")
                .withObjectEmptySeparator("");
        return new DefaultPrettyPrinter(separators)
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance);
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null || v instanceof Number n && !Double.isFinite(n.doubleValue())) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else {
            g.writeString(String.valueOf(v));
        }
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
            return Math.abs(d) >= 1e-4 && Math.abs(d) < 1e7
                    ? String.format(Locale.ROOT, "%.6g", d)
                            .replaceAll("0+$", "")
                            .replaceAll("\\.$", ".0")
                    : String.format(Locale.ROOT, "%.4e", d);
        }
        return String.valueOf(v);
    }
}
