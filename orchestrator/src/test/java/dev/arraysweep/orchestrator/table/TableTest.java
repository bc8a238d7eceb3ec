package dev.arraysweep.orchestrator.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
    private static Table table(List<String> columns, Object[]... rows) {
        return new Table(columns, Arrays.stream(rows).map(Arrays::asList).toList());
    }

    @Test
    void csv_quotesCommaQuoteNewlineCarriageReturnAndOuterSpaces() {
        Table t = table(
                List.of("plain", "comma,name", "quote\"name"),
                new Object[] {"a", "x,y", "say \"hi\""},
                new Object[] {"two\nlines", "cr\rhere", " lead"},
                new Object[] {"trail ", "in side", -1.5});

        assertThat(t.toCsv())
                .isEqualTo("plain,\"comma,name\",\"quote\"\"name\"\n"
                        + "a,\"x,y\",\"say \"\"hi\"\"\"\n"
                        + "\"two\nlines\",\"cr\rhere\",\" lead\"\n"
                        + "\"trail \",in side,-1.5\n");
    }

    @Test
    void csv_nullIsAnEmptyField_quotedOnlyWhereItStartsALine() {
        Table t = table(List.of("a", "b", "c"), new Object[] {null, null, 3}, new Object[] {1L, null, true});

        assertThat(t.toCsv()).isEqualTo("a,b,c\n\"\",,3\n1,,true\n");
        assertThat(table(List.of("only"), new Object[] {null}).toCsv()).isEqualTo("only\n\"\"\n");
    }

    @Test
    void json_putsOneRowPerLine_withNullForMissingAndNonFiniteNumbers() {
        Table t = table(
                List.of("s", "x", "n", "ok"),
                new Object[] {"mnist", 0.5, 3, true},
                new Object[] {null, Double.NaN, 12345678901L, false},
                new Object[] {"e", 1e-20, Double.POSITIVE_INFINITY, null});

        assertThat(t.toJson())
                .isEqualTo("[\n"
                        + "  {\"s\": \"mnist\", \"x\": 0.5, \"n\": 3, \"ok\": true},\n"
                        + "  {\"s\": null, \"x\": null, \"n\": 12345678901, \"ok\": false},\n"
                        + "  {\"s\": \"e\", \"x\": 1.0E-20, \"n\": null, \"ok\": null}\n"
                        + "]\n");
        assertThat(table(List.of("a")).toJson()).isEqualTo("[]\n");
    }

    @Test
    void json_escapesQuotesBackslashesAndControlCharacters_inNamesAndValues() throws Exception {
        String nasty = "say \"hi\" \\ two\nlines\r\ttab \u0001 é ✓";
        Table t = table(List.of("q\"name", "v"), new Object[] {nasty, java.time.LocalDate.of(2025, 1, 2)});

        String json = t.toJson();

        assertThat(json)
                .contains(
                        "{\"q\\\"name\": \"say \\\"hi\\\" \\\\ two\\nlines\\r\\ttab \\u0001 é ✓\", \"v\": \"2025-01-02\"}");
        JsonNode row = new ObjectMapper().readTree(json).get(0);
        assertThat(row.get("q\"name").asText()).isEqualTo(nasty);
    }
}
