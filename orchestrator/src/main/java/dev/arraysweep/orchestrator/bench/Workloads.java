package dev.arraysweep.orchestrator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.SamplerFigures;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.IntFunction;

/** The synthetic inputs of the orchestrator benchmark: sweep files of a given size and worker journals. */
final class Workloads {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int AXIS = 10;

    private Workloads() {}

    /**
     * {@return a valid sweep file of exactly {@code runs} distinct runs: up to four axes of ten values
     * (learning rate, batch size, momentum, weight decay) times as many seeds as make up the rest}
     */
    static String sweep(String name, int runs, int epochs) {
        int axes = 4;
        while (axes > 0 && runs % pow10(axes) != 0) {
            axes--;
        }
        int seeds = runs / pow10(axes);
        StringBuilder y = new StringBuilder();
        y.append("name: ").append(name).append('\n');
        y.append("description: benchmark sweep of ").append(runs).append(" runs\n");
        y.append("base:\n  dataset: fashion-mnist\n  model: fcnet100\n  epochs: ")
                .append(epochs)
                .append('\n');
        y.append("  optimizer: sgd\n  batch_filtering: true\n");
        List<String> grid = new ArrayList<>();
        grid.add("  learning_rate: " + list(i -> String.valueOf((i + 1) / 1000.0)));
        grid.add("  batch_size: " + list(i -> String.valueOf(16 * (i + 1))));
        grid.add("  momentum: " + list(i -> String.valueOf(i / 10.0)));
        grid.add("  weight_decay: " + list(i -> String.valueOf(i / 10000.0)));
        if (axes > 0) {
            y.append("grid:\n");
            for (int a = 0; a < axes; a++) {
                y.append(grid.get(a)).append('\n');
            }
        }
        StringJoiner s = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < seeds; i++) {
            s.add(String.valueOf(i));
        }
        y.append("seeds: ").append(s).append('\n');
        return y.toString();
    }

    /**
     * Writes one journal per array index {@code 0..runs-1} of {@code sweep}, each with {@code epochs} epoch
     * events of two metric rows (train and test); the first {@code doneRuns} end with a done event.
     * {@return the metric rows written}
     */
    static long journals(Workspace ws, String sweep, int runs, int epochs, int doneRuns) {
        long rows = 0;
        for (int index = 0; index < runs; index++) {
            Path file = ws.journal(sweep, index);
            try {
                Files.createDirectories(file.getParent());
                try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    line(w, new JournalEvent(JournalEvent.CLAIM, sweep, index, 0, 1, 0, 0, null, null));
                    for (int e = 0; e < epochs; e++) {
                        line(
                                w,
                                new JournalEvent(
                                        JournalEvent.EPOCH,
                                        sweep,
                                        index,
                                        0,
                                        1,
                                        1000L * e,
                                        e + 1,
                                        List.of(metrics(e, "train"), metrics(e, "test")),
                                        null));
                        rows += 2;
                    }
                    if (index < doneRuns) {
                        line(
                                w,
                                new JournalEvent(
                                        JournalEvent.DONE, sweep, index, 0, 1, 1000L * epochs, epochs, null, null));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write benchmark journal " + file, e);
            }
        }
        return rows;
    }

    static EpochMetrics metrics(int epoch, String split) {
        double acc = 0.5 + 0.4 * epoch / (epoch + 10.0);
        return new EpochMetrics(
                0,
                1,
                epoch,
                split,
                acc,
                1 - acc,
                0.01,
                5.0,
                0.4,
                1.5,
                3.0,
                10_000,
                12.5,
                12.5 * (epoch + 1),
                0.1,
                new SamplerFigures(60_000, 30_000, 29_952, 48, 234, 2.0, 0.5),
                2L << 30,
                null,
                null);
    }

    private static void line(BufferedWriter w, JournalEvent event) throws IOException {
        w.write(JSON.writeValueAsString(event));
        w.write('\n');
    }

    private static String list(IntFunction<String> value) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < AXIS; i++) {
            j.add(value.apply(i));
        }
        return j.toString();
    }

    private static int pow10(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= AXIS;
        }
        return p;
    }
}
