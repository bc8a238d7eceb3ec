package dev.arraysweep.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the places in Java sources where code refers to a package it must not use: an import or a fully
 * qualified name, with comments and string literals left out (a class name in a string starts a process, it
 * is no dependency).
 */
final class DependencyScan {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    /**
     * Code in package {@code from} or below must not refer to package {@code forbidden} or below.
     *
     * @param from the packages the rule holds for
     * @param forbidden the package they must not use
     * @param why the reason, for the failure message
     */
    record Rule(String from, String forbidden, String why) {
        boolean holdsFor(String pkg) {
            return within(pkg, from) && !within(pkg, forbidden);
        }

        private static boolean within(String pkg, String parent) {
            return pkg.equals(parent) || pkg.startsWith(parent + ".");
        }
    }

    /**
     * One reference that breaks a rule.
     *
     * @param file the source file
     * @param line its line number, from 1
     * @param reference the forbidden name as written
     * @param rule the rule it breaks
     */
    record Violation(Path file, int line, String reference, Rule rule) {
        @Override
        public String toString() {
            return file + ":" + line + " refers to " + reference + " (" + rule.from() + " must not use "
                    + rule.forbidden() + ": " + rule.why() + ")";
        }
    }

    /**
     * What a scan found.
     *
     * @param files the number of Java files read
     * @param violations every reference that breaks a rule
     */
    record Result(int files, List<Violation> violations) {}

    private DependencyScan() {}

    /** {@return the references in the Java files under {@code root} that break one of {@code rules}} */
    static Result scan(Path root, List<Rule> rules) {
        List<Violation> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String code = code(read(file));
            Matcher pkg = PACKAGE.matcher(code);
            String name = pkg.find() ? pkg.group(1) : "";
            String body = pkg.reset().replaceFirst("");
            for (Rule rule : rules) {
                if (!rule.holdsFor(name)) {
                    continue;
                }
                Matcher m = Pattern.compile("(?<![\\w.])" + Pattern.quote(rule.forbidden()) + "(?!\\w)[\\w.*]*")
                        .matcher(body);
                while (m.find()) {
                    out.add(new Violation(file, lineOf(body, m.start()), m.group(), rule));
                }
            }
        }
        return new Result(files.size(), out);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    /** {@return the source with comments, string and character literals blanked out, line breaks kept} */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            String open;
            String close;
            if (source.startsWith("//", i)) {
                open = "//";
                close = "\n";
            } else if (source.startsWith("/*", i)) {
                open = "/*";
                close = "*/";
            } else if (source.startsWith("\"\"\"", i)) {
                open = "\"\"\"";
                close = open;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                open = String.valueOf(source.charAt(i));
                close = open;
            } else {
                out.append(source.charAt(i++));
                continue;
            }
            boolean literal = !open.startsWith("/");
            int j = i + open.length();
            while (j < n && !source.startsWith(close, j)) {
                j += literal && source.charAt(j) == '\\' ? 2 : 1;
            }
            int stop = Math.min(n, close.equals("\n") ? j : j + close.length());
            source.substring(i, stop).chars().forEach(c -> out.append(c == '\n' ? '\n' : ' '));
            i = stop;
        }
        return out.toString();
    }
}
