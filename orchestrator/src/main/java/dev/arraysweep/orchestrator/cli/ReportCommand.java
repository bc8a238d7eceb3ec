package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.FlagValues;
import dev.arraysweep.db.Plural;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.orchestrator.report.At;
import dev.arraysweep.orchestrator.report.MarkdownReport;
import dev.arraysweep.orchestrator.report.Report;
import dev.arraysweep.orchestrator.report.ReportData;
import dev.arraysweep.orchestrator.results.EpochRow;
import dev.arraysweep.orchestrator.results.SweepResults;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code arraysweep report SWEEP}: the thesis' tables per group of runs, across seeds, with paired
 * differences against the archetype; Markdown, CSV or JSON on standard output.
 */
final class ReportCommand implements Command {
    private static final List<String> FORMATS = List.of("markdown", "csv", "json");

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String usage() {
        return "SWEEP [--at final|best | --epoch N] [--format markdown|csv|json]";
    }

    @Override
    public String summary() {
        return "thesis-style tables per group: train/test/ratio across seeds, paired differences vs the archetype";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder()
                        .longOpt("at")
                        .hasArg()
                        .argName("WHEN")
                        .desc("final (default): each run's last epoch; best: its epoch of best test accuracy")
                        .build())
                .addOption(Option.builder()
                        .longOpt("epoch")
                        .hasArg()
                        .argName("N")
                        .desc("look at epoch N (epochs are numbered from 0, as in the epoch column)")
                        .build())
                .addOption(Option.builder()
                        .longOpt("format")
                        .hasArg()
                        .argName("FORMAT")
                        .desc("markdown (default), csv (one line per group, setting and figure) or json")
                        .build());
    }

    @Override
    public int run(CommandLine line, Context ctx) {
        String name = Flags.sweepName(line, "arraysweep report demo --at best");
        String format = Flags.choice(line, "format", FORMATS, "markdown");
        At at = at(line);
        Database db = ctx.openForResults(false);
        db.sweeps().require(name);
        SweepResults results = SweepResults.load(db, name);
        if (results.runs().stream().allMatch(r -> r.test().isEmpty())) {
            // not an error: a report asked for while the first epochs train (e.g. in a watch loop)
            ctx.out()
                    .println("sweep '" + name + "' has no metrics yet ("
                            + Plural.of(results.runs().size(), "run") + "); they"
                            + " appear as its runs finish epochs (arraysweep status " + name + " shows progress)");
            return 0;
        }
        requireFigures(results, at, name);
        Report report = Report.build(results, at);
        ctx.out()
                .print(
                        switch (format) {
                            case "csv" -> ReportData.csv(report);
                            case "json" -> ReportData.json(report);
                            default -> MarkdownReport.render(report);
                        });
        return 0;
    }

    private static At at(CommandLine line) {
        String when = line.getOptionValue("at");
        if (line.hasOption("epoch")) {
            if (when != null) {
                throw ExitException.badInput("give either --at or --epoch, not both");
            }
            return At.epoch(FlagValues.atLeast(
                    0, "epoch", line.getOptionValue("epoch").strip(), "an epoch number >= 0 (the first epoch is 0)"));
        }
        return "best".equals(Flags.choice(line, "at", List.of("final", "best"), "final")) ? At.BEST : At.FINAL;
    }

    private static void requireFigures(SweepResults results, At at, String name) {
        if (results.runs().stream().allMatch(r -> at.pick(r).isEmpty())) {
            int last = results.runs().stream()
                    .flatMap(r -> r.test().stream())
                    .mapToInt(EpochRow::epoch)
                    .max()
                    .orElse(-1);
            throw ExitException.badInput("no run of sweep '" + name + "' has test figures at " + at.describe()
                    + "; the latest epoch recorded is " + last + " (epochs are numbered from 0)");
        }
    }
}
