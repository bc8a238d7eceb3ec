package dev.arraysweep.worker.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.worker.models.ModelSize;
import dev.arraysweep.worker.models.Models;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code worker models [--dataset D]}: every model with its trainable parameter count for a dataset's shape.
 *
 * <p>{@code fcnet<N>} takes any width N; the list shows the three the thesis trained, FCNet100, FCNet1000 and
 * FCNet3000 (seed 004, l.1962, 1984, 2004).
 */
final class ModelsCommand {
    /** The fcnet widths shown: the thesis's (seed 004, l.1962). */
    static final List<String> FCNETS = List.of("fcnet100", "fcnet1000", "fcnet3000");

    static final CommandHelp HELP = CommandHelp.of(
            "models",
            "list the models with their trainable parameter counts (equal to the PyTorch originals')",
            "worker models [--dataset D]",
            new Options()
                    .addOption(Option.builder()
                            .longOpt("dataset")
                            .hasArg()
                            .argName("D")
                            .desc("count for this dataset's images and classes: mnist, fashion-mnist, cifar10"
                                    + " (default) or cifar100")
                            .build()),
            "fcnet<N> is a fully connected net with N hidden units (one ReLU layer), for any N from 1 to 9999999.");

    private ModelsCommand() {}

    static int run(String[] args, PrintStream out) {
        String dataset = HELP.parse(args).getOptionValue("dataset", "cifar10");
        int channels;
        int classes;
        switch (dataset) {
            case "mnist", "fashion-mnist" -> {
                channels = 1;
                classes = 10;
            }
            case "cifar10" -> {
                channels = 3;
                classes = 10;
            }
            case "cifar100" -> {
                channels = 3;
                classes = 100;
            }
            default -> throw ExitException.badInput(
                    "unknown dataset '" + dataset + "'; expected mnist, fashion-mnist, cifar10 or cifar100");
        }
        out.printf("models for %s (input %dx32x32, %d classes):%n", dataset, channels, classes);
        for (String name : Models.names()) {
            for (String shown : name.equals("fcnet<N>") ? FCNETS : List.of(name)) {
                ModelSize s = Models.size(shown, channels, classes);
                out.printf(Locale.ROOT, "  %-10s %,12d trainable parameters%n", s.name(), s.trainableParameters());
            }
        }
        out.println("fcnet<N> takes any width N from 1 to 9999999 (above: the thesis's three), e.g. model: fcnet500.");
        return 0;
    }
}
