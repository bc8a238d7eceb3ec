package dev.arraysweep.worker.cli;

import dev.arraysweep.db.FlagValues;
import dev.arraysweep.db.Hosts;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.slurm.TaskEnvironment;
import dev.arraysweep.worker.task.TaskRunner;
import java.io.PrintStream;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code worker run --sweep NAME [--index N]}: trains the run at the task's array index. */
final class RunCommand {
    private RunCommand() {}

    static final CommandHelp HELP = CommandHelp.of(
            "run",
            "train one run of a sweep: the run at --index, else at the Slurm array task's index",
            "worker run --sweep NAME [--index N] [--workdir DIR] [--db URL]",
            new Options()
                    .addOption(Option.builder()
                            .longOpt("sweep")
                            .hasArg()
                            .argName("NAME")
                            .required()
                            .desc("the sweep the run belongs to")
                            .build())
                    .addOption(Option.builder()
                            .longOpt("index")
                            .hasArg()
                            .argName("N")
                            .desc("the run's index in the sweep (default $SLURM_ARRAY_TASK_ID + $"
                                    + TaskEnvironment.INDEX_OFFSET + ")")
                            .build())
                    .addOption(Option.builder()
                            .longOpt("workdir")
                            .hasArg()
                            .argName("DIR")
                            .desc("work directory (default $" + Workspace.WORKDIR_ENV + ", else "
                                    + Workspace.DEFAULT_WORKDIR + ")")
                            .build())
                    .addOption(Option.builder()
                            .longOpt("db")
                            .hasArg()
                            .argName("URL")
                            .desc("a server URL from 'arraysweep db serve' to write results to as well as the"
                                    + " journal (default $" + Workspace.DB_ENV + ")")
                            .build()),
            "exit status: 0 done, 2 bad input, 3 run held by another worker or already done,",
            TaskEnvironment.REQUEUE_EXIT_CODE + " stopped by a signal after checkpointing (to be requeued).");

    static int run(String[] args, PrintStream out, Map<String, String> env) {
        CommandLine line = HELP.parse(args);
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
