package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.ExitException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code arraysweep db SUBCOMMAND}: tools around the results database, one class per subcommand
 * ({@code serve}; add others to {@link #SUBCOMMANDS}). Each subcommand sees the whole command line, its
 * own name first, and may use only its own flags.
 */
final class DbCommand implements Command {
    private static final List<Command> SUBCOMMANDS = List.of(new DbServeCommand());

    private final Map<String, Command> subcommands = new LinkedHashMap<>();

    DbCommand() {
        SUBCOMMANDS.forEach(c -> subcommands.put(c.name(), c));
    }

    @Override
    public String name() {
        return "db";
    }

    @Override
    public String usage() {
        return String.join(" | ", subcommands.values().stream().map(c -> c.name() + " " + c.usage()).toList());
    }

    @Override
    public String summary() {
        return "database tools: " + String.join("; ", subcommands.values().stream()
                .map(c -> c.name() + " (" + c.summary() + ")").toList());
    }

    @Override
    public Options options() {
        Options all = new Options();
        subcommands.values().forEach(c -> c.options().getOptions().forEach(all::addOption));
        return all;
    }

    @Override
    public int run(CommandLine line, Context ctx) throws Exception {
        if (line.getArgList().isEmpty()) {
            throw ExitException.badInput("expected a subcommand: arraysweep db " + String.join("|", subcommands.keySet()));
        }
        String name = line.getArgList().get(0);
        Command sub = subcommands.get(name);
        if (sub == null) {
            throw ExitException.badInput("unknown subcommand 'db " + name + "'" + Suggest.didYouMean(name,
                    subcommands.keySet()) + "; known: " + String.join(", ", subcommands.keySet()));
        }
        for (Option given : line.getOptions()) {
            boolean global = List.of("workdir", "db", "help").contains(given.getLongOpt());
            if (!global && !sub.options().hasLongOption(given.getLongOpt())) {
                throw ExitException.badInput("arraysweep db " + name + " does not take --" + given.getLongOpt()
                        + "; see `arraysweep help db`");
            }
        }
        return sub.run(line, ctx);
    }
}
