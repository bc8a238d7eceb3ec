package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.Plural;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.orchestrator.plot.Band;
import dev.arraysweep.orchestrator.plot.Plots;
import dev.arraysweep.orchestrator.results.SweepResults;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code arraysweep plot SWEEP --out DIR}: per group the thesis' panel figure and the sampler figure, as PNG
 * files; prints the files written.
 */
final class PlotCommand implements Command {
    @Override
    public String name() {
        return "plot";
    }

    @Override
    public String usage() {
        return "SWEEP [--out DIR] [--band minmax|std]";
    }

    @Override
    public String summary() {
        return "PNG figures per group: accuracy and losses per epoch and against time, sampler figures";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder()
                        .longOpt("out")
                        .hasArg()
                        .argName("DIR")
                        .desc("where the PNG files go (default WORKDIR/runs/SWEEP/plots)")
                        .build())
                .addOption(Option.builder()
                        .longOpt("band")
                        .hasArg()
                        .argName("KIND")
                        .desc("band around the mean over seeds: minmax (default) or std (±1 standard deviation)")
                        .build());
    }

    @Override
    public int run(CommandLine line, Context ctx) throws Exception {
        String name = Flags.sweepName(line, "arraysweep plot demo --out plots/");
        Band band =
                "std".equals(Flags.choice(line, "band", List.of("minmax", "std"), "minmax")) ? Band.STD : Band.MIN_MAX;
        Path out = line.hasOption("out")
                ? Path.of(line.getOptionValue("out"))
                : ctx.workspace().sweepDir(name).resolve("plots");
        Database db = ctx.openForResults(false);
        db.sweeps().require(name);
        SweepResults results = SweepResults.load(db, name);
        if (results.runs().stream().allMatch(r -> r.test().isEmpty())) {
            ctx.out()
                    .println("sweep '" + name + "' has no metrics yet; nothing to plot (arraysweep status " + name
                            + " shows progress)");
            return 0;
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<Plots.Planned> figures = Plots.plan(results, out, band);
        Plots.write(figures);
        for (Plots.Planned f : figures) {
            ctx.out().println(f.file() + "  (" + f.group().label() + ")");
        }
        ctx.out()
                .printf(
                        "%s for %s in %s%n",
                        Plural.of(figures.size(), "figure"),
                        Plural.of(
                                figures.stream()
                                        .map(Plots.Planned::group)
                                        .distinct()
                                        .count(),
                                "group"),
                        out.toAbsolutePath());
        return 0;
    }
}
