package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.journal.Journal;
import dev.arraysweep.db.journal.JournalEvent;
import dev.arraysweep.db.model.GpuFigures;
import dev.arraysweep.testkit.MetricRows;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo sweep (8 runs) with results journaled as workers write them: runs 0-5 done after 4 epochs, runs 6 and
 * 7 running after 2 and 1; test accuracy {@code 0.5 + 0.01 index + 0.05 epoch}, train 0.01 higher.
 */
final class DashboardFixture {
    static final Path DEMO =
            Path.of("..", "sweeps", "demo.yaml").toAbsolutePath().normalize();

    final Path work;
    final Workspace ws;
    final Map<Integer, Long> ids = new HashMap<>();

    DashboardFixture(Path work) {
        this.work = work;
        this.ws = new Workspace(work, Workspace.embeddedUrl(work));
        CliRunner cli = new CliRunner(work);
        assertThat(cli.run("expand", DEMO.toString()).code()).isZero();
        String csv = cli.run("sql", "SELECT array_index, run_id FROM runs ORDER BY array_index", "--csv")
                .out();
        for (String row : csv.lines().skip(1).toList()) {
            ids.put(Integer.parseInt(row.split(",")[0]), Long.parseLong(row.split(",")[1]));
        }
        assertThat(ids).hasSize(8);
        for (int index = 0; index < 8; index++) {
            append(
                    index,
                    new JournalEvent(
                            JournalEvent.CLAIM,
                            "demo",
                            index,
                            ids.get(index),
                            1,
                            0,
                            0,
                            List.of(),
                            null,
                            "node",
                            "7_" + index,
                            "7"));
            int epochs = index < 6 ? 4 : 8 - index;
            for (int epoch = 0; epoch < epochs; epoch++) {
                epoch(index, epoch);
            }
            if (index < 6) {
                append(
                        index,
                        new JournalEvent(JournalEvent.DONE, "demo", index, ids.get(index), 1, 0, 4, List.of(), null));
            }
        }
    }

    static double accuracy(int index, int epoch) {
        return 0.5 + 0.01 * index + 0.05 * epoch;
    }

    /** {@return the GPU utilisation {@code nvidia-smi} reported for run {@code index} in {@code epoch}, percent} */
    static double gpuUtilization(int index, int epoch) {
        return 40 + index + 2 * epoch;
    }

    /** Journals epoch {@code epoch} of run {@code index}, as its worker would. */
    void epoch(int index, int epoch) {
        long id = ids.get(index);
        double acc = accuracy(index, epoch);
        append(
                index,
                new JournalEvent(
                        JournalEvent.EPOCH,
                        "demo",
                        index,
                        id,
                        1,
                        0,
                        epoch + 1,
                        List.of(
                                MetricRows.row(id, 1, epoch, "train", acc + 0.01, gpu(index, epoch)),
                                MetricRows.row(id, 1, epoch, "test", acc, gpu(index, epoch))),
                        null));
    }

    private static GpuFigures gpu(int index, int epoch) {
        return new GpuFigures(gpuUtilization(index, epoch), 60.0, 250.0, 4L << 30, 3);
    }

    /** Journals that run {@code index} failed with {@code error}. */
    void fail(int index, int epochsDone, String error) {
        append(
                index,
                new JournalEvent(
                        JournalEvent.FAILED, "demo", index, ids.get(index), 1, 0, epochsDone, List.of(), error));
    }

    private void append(int index, JournalEvent e) {
        try (Journal j = Journal.open(ws.journal("demo", index))) {
            j.append(e);
        }
    }

    /** {@return a command context over the work directory, as {@code Main} makes one} */
    Context context() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Context(sink, sink, Map.of(), Clock.systemUTC(), ws);
    }
}
