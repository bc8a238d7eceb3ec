package dev.arraysweep.worker.cli;

import dev.arraysweep.db.ExitException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.MissingOptionException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * One worker command's name, summary, usage line and options: what {@code worker CMD --help} and
 * {@code worker help CMD} print, and the parser that turns a wrong flag into a clear error (exit 2) that says
 * where to look. Every command's options include {@code -h, --help}; {@link WorkerMain} answers it before the
 * command runs, so that help works even when a required flag is missing.
 *
 * @param name the command, e.g. {@code run}
 * @param summary one line for {@code worker help}
 * @param usage the synopsis, e.g. {@code worker run --sweep NAME [--index N]}
 * @param options the command's flags, {@code --help} added by {@link #of}
 * @param notes lines printed after the options (environment variables, defaults), may be empty
 */
record CommandHelp(String name, String summary, String usage, Options options, List<String> notes) {
    static final Option HELP =
            Option.builder("h").longOpt("help").desc("show this help and exit").build();

    /** {@return the help of a command with these options (the {@code --help} flag added)} */
    static CommandHelp of(String name, String summary, String usage, Options options, String... notes) {
        return new CommandHelp(name, summary, usage, options.addOption(HELP), List.of(notes));
    }

    /** {@return whether {@code args} ask for help ({@code -h} or {@code --help} before any {@code --})} */
    static boolean asksForHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("-h") || a.equals("--help")) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@return the parsed command line}
     *
     * @throws ExitException (bad input) for an unknown or incomplete flag or a stray argument, naming it, the
     *     usage and {@code worker CMD --help}
     */
    CommandLine parse(String[] args) {
        CommandLine line;
        try {
            line = new DefaultParser().parse(options, args);
        } catch (ParseException e) {
            throw ExitException.badInput(problem(e) + "; usage: " + usage + " (see 'worker " + name + " --help')");
        }
        if (!line.getArgList().isEmpty()) {
            throw ExitException.badInput("unexpected argument '"
                    + line.getArgList().get(0) + "'; usage: " + usage + " (see 'worker " + name + " --help')");
        }
        return line;
    }

    private static String problem(ParseException e) {
        if (e instanceof UnrecognizedOptionException u) {
            return "unknown option '" + u.getOption() + "'";
        }
        if (e instanceof MissingArgumentException m) {
            return flag(m.getOption()) + " expects a value";
        }
        if (e instanceof MissingOptionException m) {
            List<String> flags = new ArrayList<>();
            for (Object o : m.getMissingOptions()) {
                flags.add("--" + o);
            }
            return "missing " + String.join(", ", flags);
        }
        return e.getMessage();
    }

    private static String flag(Option o) {
        return o.getLongOpt() != null ? "--" + o.getLongOpt() : "-" + o.getOpt();
    }

    /** Width that help lines are wrapped to. */
    static final int WIDTH = 100;

    /** Prints the usage, summary, options (with their value names and descriptions) and notes. */
    void print(PrintStream out) {
        wrap(out, "usage: ", usage);
        out.println();
        wrap(out, "", summary);
        out.println();
        out.println("options:");
        List<String> left = new ArrayList<>();
        int width = 0;
        for (Option o : options.getOptions()) {
            String l = (o.getOpt() != null ? "-" + o.getOpt() + ", " : "    ") + "--" + o.getLongOpt()
                    + (o.hasArg() ? " " + (o.getArgName() != null ? o.getArgName() : "VALUE") : "");
            left.add(l);
            width = Math.max(width, l.length());
        }
        int i = 0;
        for (Option o : options.getOptions()) {
            String desc =
                    (o.getDescription() == null ? "" : o.getDescription()) + (o.isRequired() ? " (required)" : "");
            String l = left.get(i++);
            wrap(out, "  " + l + " ".repeat(width - l.length()) + "  ", desc);
        }
        if (!notes.isEmpty()) {
            out.println();
            notes.forEach(n -> wrap(out, "", n));
        }
    }

    /** Prints {@code text} after {@code first}, wrapped at spaces to {@link #WIDTH}, going on under its start. */
    static void wrap(PrintStream out, String first, String text) {
        String indent = " ".repeat(first.length());
        StringBuilder line = new StringBuilder(first);
        boolean empty = true; // no word on this line yet
        for (String word : text.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder(indent);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        out.println(line.toString().stripTrailing());
    }
}
