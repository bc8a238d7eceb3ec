package dev.arraysweep.worker.cli;

import ai.djl.Device;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.FlagValues;
import dev.arraysweep.worker.bench.ModelPlan;
import dev.arraysweep.worker.bench.WorkerBench;
import dev.arraysweep.worker.models.Models;
import dev.arraysweep.worker.task.Devices;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code worker bench}: measures the training engine on synthetic data and prints the figures as JSON (see
 * {@link WorkerBench}); progress lines go to standard error.
 */
final class BenchCommand {
    private static final String DEFAULT_MODELS = "fcnet1000,lenet,resnet18";
    static final CommandHelp HELP = CommandHelp.of(
            "bench",
            "time the training loop, selection and filtering on synthetic data; print the figures as JSON"
                    + " (progress on standard error)",
            "worker bench [--device cpu|gpu] [--model M,...] [--batch N] [--steps N] [--rounds N] [--threads N]"
                    + " [--no-sizing] [--cudnn-benchmark] [--out FILE]",
            new Options()
                    .addOption(Option.builder()
                            .longOpt("device")
                            .hasArg()
                            .argName("cpu|gpu")
                            .desc("cpu (default) or gpu")
                            .build())
                    .addOption(Option.builder()
                            .longOpt("model")
                            .hasArg()
                            .argName("M,...")
                            .desc("comma-separated models, default " + DEFAULT_MODELS)
                            .build())
                    .addOption(Option.builder()
                            .longOpt("batch")
                            .hasArg()
                            .argName("N")
                            .desc("batch size for every model")
                            .build())
                    .addOption(Option.builder()
                            .longOpt("steps")
                            .hasArg()
                            .argName("N")
                            .desc("timed steps per round")
                            .build())
                    .addOption(Option.builder()
                            .longOpt("rounds")
                            .hasArg()
                            .argName("N")
                            .desc("interleaved rounds")
                            .build())
                    .addOption(Option.builder()
                            .longOpt("threads")
                            .hasArg()
                            .argName("N")
                            .desc("torch intra-op threads (default: the engine's, one per core); sets"
                                    + " ai.djl.pytorch.num_threads before the engine loads")
                            .build())
                    .addOption(Option.builder()
                            .longOpt("no-sizing")
                            .desc("skip the fixed/adaptive raw batch figures")
                            .build())
                    .addOption(Option.builder()
                            .longOpt("cudnn-benchmark")
                            .desc("let cuDNN pick convolution algorithms by timing them (sets"
                                    + " ai.djl.pytorch.cudnn_benchmark before the engine loads)")
                            .build())
                    .addOption(Option.builder()
                            .longOpt("out")
                            .hasArg()
                            .argName("FILE")
                            .desc("also write the JSON to this file")
                            .build()));

    private BenchCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine line = HELP.parse(args);
        if (line.hasOption("cudnn-benchmark")) {
            System.setProperty("ai.djl.pytorch.cudnn_benchmark", "true");
        }
        if (line.hasOption("threads")) {
            System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(positive(line, "threads")));
        }
        String deviceName = line.getOptionValue("device", "cpu");
        if (!List.of("cpu", "gpu").contains(deviceName)) {
            throw ExitException.badInput("--device expects cpu or gpu, not '" + deviceName + "'");
        }
        int batch = positive(line, "batch");
        int steps = positive(line, "steps");
        int rounds = positive(line, "rounds");
        List<ModelPlan> plans = new ArrayList<>();
        for (String model : line.getOptionValue("model", DEFAULT_MODELS).split(",")) {
            String name = model.strip();
            Models.build(name, 1, 10); // an unknown name fails here, with the valid names
            plans.add(ModelPlan.defaults(name, deviceName.equals("gpu"))
                    .withBatch(batch)
                    .withSteps(steps)
                    .withRounds(rounds));
        }
        Device device = Devices.resolve(deviceName);
        Map<String, Object> report = new WorkerBench(device, err).run(plans, !line.hasOption("no-sizing"));
        String json = toJson(report);
        out.println(json);
        if (line.hasOption("out")) {
            Path file = Path.of(line.getOptionValue("out"));
            try {
                Files.writeString(file, json + "\n");
            } catch (IOException e) {
                throw ExitException.failure("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
        return 0;
    }

    /** {@return the flag's positive value, 0 (the plan's default) when it was not given} */
    private static int positive(CommandLine line, String flag) {
        return FlagValues.positiveInt(flag, line.getOptionValue(flag), 0);
    }

    private static String toJson(Map<String, Object> report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the bench report as JSON", e);
        }
    }
}
