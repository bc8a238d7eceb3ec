package dev.arraysweep.worker.cli;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.worker.models.ModelSize;
import dev.arraysweep.worker.models.Models;
import java.io.PrintStream;
import java.util.Locale;

/** {@code worker models [--dataset D]}: every model with its trainable parameter count for a dataset's shape. */
final class ModelsCommand {
    private ModelsCommand() {}

    static int run(String[] args, PrintStream out) {
        String dataset = "cifar10";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dataset") && i + 1 < args.length) {
                dataset = args[++i];
            } else if (args[i].startsWith("--dataset=")) {
                dataset = args[i].substring("--dataset=".length());
            } else {
                throw ExitException.badInput(
                        "unexpected argument '" + args[i] + "'; usage: worker models [--dataset D]");
            }
        }
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
        for (ModelSize s : Models.sizes(channels, classes)) {
            out.printf(Locale.ROOT, "  %-10s %,12d trainable parameters%n", s.name(), s.trainableParameters());
        }
        return 0;
    }
}
