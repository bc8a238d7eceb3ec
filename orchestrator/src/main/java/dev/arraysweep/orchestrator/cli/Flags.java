package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.FlagValues;
import dev.arraysweep.db.params.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;

/** Parsing helpers for flag values shared by several commands, with messages that say how to fix them. */
final class Flags {
    private Flags() {}

    static int positiveInt(CommandLine line, String flag, int fallback) {
        return FlagValues.positiveInt(flag, line.getOptionValue(flag), fallback);
    }

    /** {@return the value of {@code flag}, lower-cased, one of {@code allowed}; {@code fallback} when absent} */
    static String choice(CommandLine line, String flag, List<String> allowed, String fallback) {
        String v = line.getOptionValue(flag, fallback).strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw ExitException.badInput("--" + flag + " must be one of " + String.join(", ", allowed) + ", not '" + v
                    + "'" + DidYouMean.hint(v, allowed));
        }
        return v;
    }

    /**
     * {@return the command's one argument, a sweep name}
     *
     * @param example a command line that shows it, for the message ({@code arraysweep report demo --at best})
     */
    static String sweepName(CommandLine line, String example) {
        List<String> args = line.getArgList();
        if (args.size() != 1) {
            throw ExitException.badInput(
                    "expected one sweep name, e.g. " + example + "; got " + args.size() + " arguments");
        }
        return args.get(0);
    }

    /** {@return the indices of a list like {@code 0-3,7,9-10}} */
    static List<Integer> indexList(String spec) {
        List<Integer> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            try {
                int dash = p.indexOf('-');
                if (dash > 0) {
                    int a = Integer.parseInt(p.substring(0, dash));
                    int b = Integer.parseInt(p.substring(dash + 1));
                    if (a > b || a < 0) {
                        throw new NumberFormatException();
                    }
                    for (int i = a; i <= b; i++) {
                        out.add(i);
                    }
                } else {
                    int a = Integer.parseInt(p);
                    if (a < 0) {
                        throw new NumberFormatException();
                    }
                    out.add(a);
                }
            } catch (NumberFormatException e) {
                throw ExitException.badInput(
                        "bad index list '" + spec + "' at '" + p + "': expected indices and ranges like 0-3,7");
            }
        }
        return out;
    }
}
