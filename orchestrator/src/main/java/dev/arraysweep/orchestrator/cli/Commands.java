package dev.arraysweep.orchestrator.cli;

import java.util.List;

/** Every subcommand, in the order the help lists them. */
final class Commands {
    private Commands() {}

    static List<Command> all() {
        return List.of(
                new ExpandCommand(),
                new ParamsCommand(),
                new StatusCommand(),
                new SubmitCommand(),
                new ResubmitCommand(),
                new CancelCommand(),
                new RunLocalCommand(),
                new IngestCommand(),
                new SqlCommand(),
                new ReportCommand(),
                new PlotCommand(),
                new ExportCommand(),
                new DashboardCommand(),
                new DbCommand(),
                new BenchCommand());
    }
}
