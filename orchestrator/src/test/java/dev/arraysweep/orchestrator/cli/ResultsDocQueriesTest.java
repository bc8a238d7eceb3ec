package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.orchestrator.results.ResultsFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every example in docs/results.md works: each SQL query runs and returns rows, the report excerpt is real output. */
class ResultsDocQueriesTest {
    private static final Path DOC = Path.of("..", "docs", "results.md");
    private static final Pattern SQL = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    static Path dir;

    static CliRunner cli;
    static String doc;

    static ResultsFixture.Held held;

    @AfterAll
    static void release() throws Exception {
        held.close();
    }

    @BeforeAll
    static void fill() throws Exception {
        held = ResultsFixture.filled(dir);
        cli = new CliRunner(dir, Map.of(), Clock.systemUTC());
        doc = Files.readString(DOC);
    }

    private static List<String> queries() {
        List<String> out = new ArrayList<>();
        Matcher m = SQL.matcher(doc);
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }

    @Test
    void everyExampleQuery_runsAndReturnsRows() {
        List<String> queries = queries();

        assertThat(queries).hasSizeGreaterThanOrEqualTo(7);
        for (String q : queries) {
            CliRunner.Result r = cli.run("sql", q);
            assertThat(r.code()).as("%s%n%s", q, r.err()).isZero();
            assertThat(r.out()).as(q).doesNotContain("(0 rows)").containsPattern("\\(\\d+ rows?\\)");
        }
    }

    @Test
    void twinsQuery_pairsEveryFilteredRunWithItsArchetype() {
        String twins = queries().stream()
                .filter(q -> q.contains("FROM twins\n"))
                .findFirst()
                .orElseThrow();

        assertThat(cli.run("sql", twins).out()).contains("(6 rows)");
    }

    @Test
    void reportExample_isWhatTheCommandPrints() {
        int start = doc.indexOf("Example (`arraysweep report mnist-filter`");
        String block =
                doc.substring(doc.indexOf("```\n", start) + 4, doc.indexOf("\n```", doc.indexOf("```\n", start) + 4));
        String actual = cli.run("report", ResultsFixture.SWEEP).out();

        for (String line : block.lines().filter(l -> !l.isBlank()).toList()) {
            String prefix = line.endsWith(" ...") ? line.substring(0, line.length() - 4) : line;
            assertThat(actual.lines()).as("doc line: " + line).anyMatch(a -> a.startsWith(prefix));
        }
    }
}
