package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.Workspace;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.NewRun;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Stores sweeps of simple runs and moves runs into given states, as workers would, at given times. */
final class StoredSweeps {
    private final Path workDir;
    private boolean migrated;

    StoredSweeps(Path workDir) {
        this.workDir = workDir;
    }

    /** {@return the work directory's database, its clock at {@code now}} */
    Database db(Instant now) {
        Database db = Database.open(Workspace.embeddedUrl(workDir), Clock.fixed(now, ZoneOffset.UTC), !migrated);
        migrated = true;
        return db;
    }

    /** Stores sweep {@code name} with {@code runs} runs of 3 epochs and the given {@code slurm:} JSON. */
    void store(Instant now, String name, int runs, String slurmJson) {
        List<NewRun> list = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            list.add(new NewRun(name + "-" + i, "{\"i\":" + i + "}", 3, Map.of()));
        }
        db(now).runs().storeExpansion(name, "test sweep", name + ".yaml", "text", slurmJson, list);
    }

    /** Claims run {@code index} at {@code at} as Slurm task {@code arrayJob_task} would; returns the run id. */
    long claim(Instant at, String sweep, int index, String arrayJob) {
        Database db = db(at);
        long id = db.runs().find(sweep, index).orElseThrow().id();
        db.runs().claim(id, arrayJob + "-" + index, arrayJob, "node1", Duration.ofSeconds(300));
        return id;
    }

    /** Claims run {@code index} at {@code at} and ends it in {@code state}. */
    void finish(Instant at, String sweep, int index, RunState state) {
        long id = claim(at, sweep, index, "local");
        Database db = db(at);
        db.runs()
                .finish(
                        id,
                        db.runs().byId(id).orElseThrow().attempt(),
                        state,
                        state == RunState.FAILED ? "boom" : null);
    }
}
