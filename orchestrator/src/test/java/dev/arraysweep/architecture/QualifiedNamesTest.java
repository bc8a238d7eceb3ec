package dev.arraysweep.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Main code names classes through imports, not inline fully-qualified names ({@code java.util.Optional<...>} in a
 * signature): the formatter (Spotless, checked in the build's validate phase) keeps the layout, this keeps the
 * names. Comments and string literals do not count.
 */
class QualifiedNamesTest {
    /** A package path of two or more parts, then a class name, not preceded by a word character or a dot. */
    static final Pattern INLINE =
            Pattern.compile("(?<![\\w.])(?:java|javax|dev\\.arraysweep|org|com|ai)(?:\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");

    static List<String> inlineNames(String source) {
        String code = DependencyScan.code(source).replaceAll("(?m)^\\s*(import|package)\\s[^;]*;", "");
        List<String> found = new ArrayList<>();
        Matcher m = INLINE.matcher(code);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void mainSources_useImportsNotInlineQualifiedNames() throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        for (String module : List.of("db", "orchestrator", "worker")) {
            try (Stream<Path> walk = Files.walk(Path.of("..", module, "src", "main", "java"))) {
                for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    inlineNames(Files.readString(f)).forEach(n -> found.add(f + ": " + n));
                }
            }
        }
        assertThat(files).isGreaterThan(100);
        assertThat(found).as("inline fully-qualified names (import them)").isEmpty();
    }

    @Test
    void theCheck_findsInlineNames_butNotImportsCommentsOrStrings() {
        String source =
                """
                package dev.arraysweep.x;

                import java.util.List;

                /** Uses {@link java.util.Map}. */
                class X {
                    java.util.Optional<String> a; // java.util.Set
                    String b = "dev.arraysweep.worker.cli.WorkerMain";
                    Object c = org.h2.api.ErrorCode.CONNECTION_BROKEN_1;
                    List<String> d;
                }
                """;
        assertThat(inlineNames(source)).containsExactly("java.util.Optional", "org.h2.api.ErrorCode");
    }
}
