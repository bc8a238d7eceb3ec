package dev.arraysweep.db.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arraysweep.db.model.EpochMetrics;
import dev.arraysweep.db.model.EpochWork;
import dev.arraysweep.db.model.GpuFigures;
import dev.arraysweep.db.model.ImportanceFigures;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.model.SamplerFigures;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalIngestTest {
    @TempDir
    Path dir;

    private static EpochMetrics row(int attempt, int epoch, String split, double acc) {
        return new EpochMetrics(
                0,
                attempt,
                epoch,
                split,
                acc,
                1,
                0.1,
                3,
                0.9,
                2,
                2.9,
                100,
                1.5,
                1.5 * (epoch + 1),
                0.1,
                new SamplerFigures(100, 50, 32, 18, 1, 2, 0.5).withStepSizes(32L, 32L),
                1L << 20,
                null,
                null);
    }

    private static JournalEvent epoch(int attempt, int epoch, double acc) {
        return new JournalEvent(
                JournalEvent.EPOCH,
                "s",
                0,
                99,
                attempt,
                0,
                epoch + 1,
                List.of(row(attempt, epoch, "train", acc), row(attempt, epoch, "test", acc - 0.1)),
                null);
    }

    @Test
    void journalWrittenWhileTheDatabaseWasAway_isIngestedOnce_andStatesFollowTheOwningAttempt() throws Exception {
        Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"));
        db.runs().storeExpansion("s", null, null, "t", null, List.of(new NewRun("h", "{}", 3, Map.of())));
        long id = db.runs().find("s", 0).orElseThrow().id();
        db.runs().claim(id, null, null, "n", Duration.ofMinutes(5));

        Path file = dir.resolve("runs/s/journal/0.jsonl");
        try (Journal j = Journal.open(file)) {
            j.append(new JournalEvent(JournalEvent.CLAIM, "s", 0, 99, 1, 0, 0, List.of(), "n"));
            j.append(epoch(1, 0, 0.5));
            j.append(epoch(1, 1, 0.6));
            j.append(epoch(1, 2, 0.7));
            j.append(new JournalEvent(JournalEvent.DONE, "s", 0, 99, 1, 0, 3, List.of(), null));
        }
        // a crash mid-write leaves half a line: it waits, unread, until it is complete
        Files.writeString(file, "{\"type\":\"epo", StandardOpenOption.APPEND);

        JournalIngest ingest = new JournalIngest(db);
        JournalIngest.Result first = ingest.ingestAll(dir.resolve("runs"));
        assertThat(first.metricRows()).isEqualTo(6);
        assertThat(first.stateChanges()).isEqualTo(1);
        JournalIngest.Result second = ingest.ingestAll(dir.resolve("runs"));
        assertThat(second.events()).isZero();

        assertThat(db.metrics().forRun(id)).hasSize(6);
        assertThat(db.metrics().forRun(id))
                .filteredOn(m -> m.epoch() == 2 && m.split().equals("train"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.accuracy()).isEqualTo(0.7);
                    assertThat(m.sampler().overflowDiscarded()).isEqualTo(18);
                    assertThat(m.sampler().minStepSize()).isEqualTo(32L);
                    assertThat(m.sampler().maxStepSize()).isEqualTo(32L);
                    assertThat(m.runId()).isEqualTo(id);
                });
        var run = db.runs().byId(id).orElseThrow();
        assertThat(run.state()).isEqualTo(RunState.DONE);
        assertThat(run.epochsDone()).isEqualTo(3);

        // forgetting the positions and ingesting everything again changes nothing (upserts)
        db.jdbi().useHandle(h -> h.execute("DELETE FROM journal_position"));
        ingest.ingestAll(dir.resolve("runs"));
        assertThat(db.metrics().forRun(id)).hasSize(6);
        assertThat(db.metrics().countForSweep(run.sweepId())).isEqualTo(6);
    }

    @Test
    void importanceFiguresAndTimeSplit_goThroughTheJournal_andOldLinesWithoutThemReadAsNull() throws Exception {
        Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"));
        db.runs().storeExpansion("s", null, null, "t", null, List.of(new NewRun("h", "{}", 3, Map.of())));
        long id = db.runs().find("s", 0).orElseThrow().id();
        db.runs().claim(id, null, null, "n", Duration.ofMinutes(5));
        SamplerFigures figures = new SamplerFigures(100, 50, 32, 18, 1, 2, 0.5)
                .withImportance(new ImportanceFigures(0.5, 1, 1.5, 2, 2.5, 4.0, 25.5))
                .withWork(new EpochWork(1.25, 0.5, 0.25, 0.75));
        EpochMetrics withFigures = new EpochMetrics(
                0, 1, 1, "test", 0.6, 1, 0.1, 3, 0.9, 2, 2.9, 100, 1.5, 3, 0.1, figures, 1L << 20, null, null);
        JournalEvent fresh = new JournalEvent(JournalEvent.EPOCH, "s", 0, 99, 1, 0, 2, List.of(withFigures), null);
        // a line written before the figures existed: its sampler object lacks their fields
        var old = (ObjectNode) Journal.JSON.valueToTree(epoch(1, 0, 0.5));
        for (var m : old.withArray("metrics")) {
            var sampler = (ObjectNode) m.get("sampler");
            sampler.remove(List.of("importance", "work"));
            assertThat(sampler.has("rawForwarded")).isTrue();
        }
        String oldLine = Journal.JSON.writeValueAsString(old);
        assertThat(oldLine).doesNotContain("importance").doesNotContain("work");
        Path file = dir.resolve("runs/s/journal/0.jsonl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, oldLine + "\n" + Journal.JSON.writeValueAsString(fresh) + "\n");

        JournalIngest.Result r = new JournalIngest(db).ingestAll(dir.resolve("runs"));
        assertThat(r.metricRows()).isEqualTo(3);
        List<EpochMetrics> stored = db.metrics().forRun(id);
        assertThat(stored).filteredOn(m -> m.epoch() == 0).hasSize(2).allSatisfy(m -> {
            assertThat(m.sampler().importance()).isNull();
            assertThat(m.sampler().work()).isNull();
            assertThat(m.sampler().minStepSize()).isEqualTo(32L);
        });
        assertThat(stored).filteredOn(m -> m.epoch() == 1).singleElement().satisfies(m -> assertThat(m.sampler())
                .isEqualTo(figures));
    }

    @Test
    void gpuFigures_goThroughTheJournal_andOldLinesWithoutThemReadAsNull() throws Exception {
        Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"));
        db.runs().storeExpansion("s", null, null, "t", null, List.of(new NewRun("h", "{}", 3, Map.of())));
        long id = db.runs().find("s", 0).orElseThrow().id();
        db.runs().claim(id, null, null, "n", Duration.ofMinutes(5));
        GpuFigures gpu = new GpuFigures(93.0, 70.5, null, 1L << 33, 4);
        EpochMetrics watched = new EpochMetrics(
                0,
                1,
                1,
                "test",
                0.6,
                1,
                0.1,
                3,
                0.9,
                2,
                2.9,
                100,
                1.5,
                3,
                0.1,
                SamplerFigures.none(),
                1L << 20,
                1L << 32,
                gpu);
        JournalEvent fresh = new JournalEvent(JournalEvent.EPOCH, "s", 0, 99, 1, 0, 2, List.of(watched), null);
        var old = (ObjectNode) Journal.JSON.valueToTree(epoch(1, 0, 0.5));
        for (var m : old.withArray("metrics")) {
            ((ObjectNode) m).remove("gpu");
        }
        String oldLine = Journal.JSON.writeValueAsString(old);
        assertThat(oldLine).doesNotContain("gpu");
        Path file = dir.resolve("runs/s/journal/0.jsonl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, oldLine + "\n" + Journal.JSON.writeValueAsString(fresh) + "\n");

        new JournalIngest(db).ingestAll(dir.resolve("runs"));
        List<EpochMetrics> stored = db.metrics().forRun(id);
        assertThat(stored).filteredOn(m -> m.epoch() == 0).isNotEmpty().allSatisfy(m -> assertThat(m.gpu())
                .isNull());
        assertThat(stored).filteredOn(m -> m.epoch() == 1).singleElement().satisfies(m -> {
            assertThat(m.gpu()).isEqualTo(gpu);
            assertThat(m.deviceMemoryBytes()).isEqualTo(1L << 32);
        });
    }

    @Test
    void endOfAnOldAttempt_doesNotOverrideANewerOne() {
        Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"));
        db.runs().storeExpansion("s", null, null, "t", null, List.of(new NewRun("h", "{}", 3, Map.of())));
        long id = db.runs().find("s", 0).orElseThrow().id();
        db.runs().claim(id, null, null, "n", Duration.ofMinutes(5));
        db.runs().claim(id, null, null, "n2", Duration.ofSeconds(-1)); // attempt 2 took over a stale run
        try (Journal j = Journal.open(dir.resolve("runs/s/journal/0.jsonl"))) {
            j.append(new JournalEvent(JournalEvent.FAILED, "s", 0, id, 1, 0, 1, List.of(), "old attempt died"));
        }
        new JournalIngest(db).ingestAll(dir.resolve("runs"));
        var run = db.runs().byId(id).orElseThrow();
        assertThat(run.state()).isEqualTo(RunState.RUNNING);
        assertThat(run.attempt()).isEqualTo(2);
    }
}
