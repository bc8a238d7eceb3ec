package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.orchestrator.export.SweepExport;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code arraysweep export SWEEP --csv DIR}: the sweep's runs, curves, final metrics, twins and events as CSV files. */
final class ExportCommand implements Command {
    @Override
    public String name() {
        return "export";
    }

    @Override
    public String usage() {
        return "SWEEP --csv DIR";
    }

    @Override
    public String summary() {
        return "write runs, curves, final metrics, twins and run events as CSV files for pandas or R";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder()
                        .longOpt("csv")
                        .hasArg()
                        .argName("DIR")
                        .desc("directory for the CSV files (created if needed; files of the same name are replaced)")
                        .build());
    }

    @Override
    public int run(CommandLine line, Context ctx) throws Exception {
        if (line.getArgList().size() != 1 || !line.hasOption("csv")) {
            throw ExitException.badInput(
                    "expected one sweep name and --csv DIR, e.g. arraysweep export demo --csv results/");
        }
        String name = line.getArgList().get(0);
        Path dir = Path.of(line.getOptionValue("csv"));
        Database db = ctx.openForResults(false);
        db.sweeps().require(name);
        for (SweepExport.Written w : SweepExport.write(db, name, dir)) {
            ctx.out().printf("%s  (%d rows)%n", w.file(), w.rows());
        }
        return 0;
    }
}
