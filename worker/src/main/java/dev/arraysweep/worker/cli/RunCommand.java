package dev.arraysweep.worker.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.FlagValues;
import dev.arraysweep.db.Hosts;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.slurm.TaskEnvironment;
import dev.arraysweep.worker.task.TaskRunner;
import java.io.PrintStream;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** {@code worker run --sweep NAME [--index N]}: trains the run at the task's array index. */
final class RunCommand {
    private RunCommand() {}

    static int run(String[] args, PrintStream out, Map<String, String> env) {
        Options options = new Options()
                .addOption(Option.builder()
                        .longOpt("sweep")
                        .hasArg()
                        .required()
                        .desc("sweep name")
                        .build())
                .addOption(Option.builder()
                        .longOpt("index")
                        .hasArg()
                        .desc("array index (default $SLURM_ARRAY_TASK_ID" + " + $ARRAYSWEEP_INDEX_OFFSET)")
                        .build())
                .addOption(Option.builder().longOpt("workdir").hasArg().build())
                .addOption(Option.builder().longOpt("db").hasArg().build());
        CommandLine line;
        try {
            line = new DefaultParser().parse(options, args);
        } catch (ParseException e) {
            throw ExitException.badInput(e.getMessage() + "; usage: worker run --sweep NAME [--index N]");
        }
        TaskEnvironment task = line.hasOption("index")
                ? TaskEnvironment.forIndex(FlagValues.nonNegativeInt("index", line.getOptionValue("index")), env)
                : TaskEnvironment.fromEnv(env);
        Workspace ws = Workspace.resolve(line.getOptionValue("workdir"), line.getOptionValue("db"), env);
        String node = task.nodeName().orElseGet(Hosts::name);
        return new TaskRunner(ws, env, out)
                .run(
                        line.getOptionValue("sweep"),
                        task.runIndex(),
                        new TaskRunner.TaskInfo(
                                task.jobId().orElse(null), task.arrayJobId().orElse(null), node, task.restartCount()));
    }
}
