package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.params.DidYouMean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code arraysweep db SUBCOMMAND}: tools around the results database. Each subcommand is a
 * {@link Subcommand}; adding one (e.g. {@code serve}) is one entry in {@link #SUBCOMMANDS}. Main parses the
 * flags of every subcommand together, so subcommands must not give one flag two meanings.
 */
final class DbCommand implements Command {
    /** One {@code db} subcommand: its name, usage, summary, flags and behaviour (arguments after its name). */
    interface Subcommand {
        String name();

        String usage();

        String summary();

        Options options();

        int run(List<String> args, CommandLine line, Context ctx) throws Exception;
    }

    private static final List<Subcommand> SUBCOMMANDS =
            List.of(new DbConsole(), new DbServeCommand(), new DbCompactCommand());

    private final Map<String, Subcommand> byName = new LinkedHashMap<>();

    DbCommand() {
        SUBCOMMANDS.forEach(s -> byName.put(s.name(), s));
    }

    @Override
    public String name() {
        return "db";
    }

    @Override
    public String usage() {
        return String.join(
                " | ",
                byName.values().stream().map(s -> s.name() + " " + s.usage()).toList());
    }

    @Override
    public String summary() {
        return "database tools: "
                + String.join(
                        "; ",
                        byName.values().stream()
                                .map(s -> s.name() + ": " + s.summary())
                                .toList());
    }

    @Override
    public Options options() {
        Options all = new Options();
        byName.values().forEach(s -> s.options().getOptions().forEach(all::addOption));
        return all;
    }

    @Override
    public int run(CommandLine line, Context ctx) throws Exception {
        List<String> args = line.getArgList();
        if (args.isEmpty()) {
            throw ExitException.badInput(
                    "expected a subcommand: " + String.join(", ", byName.keySet()) + ", e.g. arraysweep db console");
        }
        Subcommand sub = byName.get(args.get(0));
        if (sub == null) {
            throw ExitException.badInput(
                    "unknown db subcommand '" + args.get(0) + "'" + DidYouMean.hint(args.get(0), byName.keySet())
                            + "; subcommands: " + String.join(", ", byName.keySet()));
        }
        for (Option given : line.getOptions()) {
            boolean global = List.of("workdir", "db", "help").contains(given.getLongOpt());
            if (!global && !sub.options().hasLongOption(given.getLongOpt())) {
                throw ExitException.badInput("arraysweep db " + sub.name() + " does not take --" + given.getLongOpt()
                        + "; see `arraysweep help db`");
            }
        }
        return sub.run(args.subList(1, args.size()), line, ctx);
    }
}
