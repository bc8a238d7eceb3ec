package dev.arraysweep.db.repo;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.model.Sweep;
import dev.arraysweep.db.params.DidYouMean;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reads and writes the {@code sweep} table through {@link SweepDao}. */
public final class SweepRepository {
    private final Jdbi jdbi;
    private final Clock clock;

    SweepRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** {@return the sweep called {@code name}, if stored} */
    public Optional<Sweep> find(String name) {
        return jdbi.onDemand(SweepDao.class).find(name);
    }

    /**
     * {@return the sweep called {@code name}}
     *
     * @throws ExitException bad input (2) naming the closest stored sweep and the stored ones, or how to store one
     */
    public Sweep require(String name) {
        return find(name).orElseThrow(() -> {
            List<String> names = list().stream().map(Sweep::name).toList();
            return ExitException.badInput("no sweep called '" + name + "'" + DidYouMean.hint(name, names)
                    + (names.isEmpty()
                            ? "; store one with `arraysweep expand sweeps/FILE.yaml`"
                            : "; stored sweeps: " + String.join(", ", names)));
        });
    }

    static Optional<Sweep> find(Handle h, String name) {
        return h.attach(SweepDao.class).find(name);
    }

    /** {@return every stored sweep, by name} */
    public List<Sweep> list() {
        return jdbi.onDemand(SweepDao.class).list();
    }

    /** Inserts a new sweep or updates the stored one's description, source and Slurm settings; returns its id. */
    static long upsert(
            Handle h,
            String name,
            String description,
            String sourcePath,
            String sourceText,
            String slurmJson,
            Instant now) {
        SweepDao sweeps = h.attach(SweepDao.class);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Optional<Sweep> existing = sweeps.find(name);
        if (existing.isPresent()) {
            sweeps.update(existing.get().id(), description, sourcePath, sourceText, slurmJson, at);
            return existing.get().id();
        }
        return sweeps.insert(name, description, sourcePath, sourceText, slurmJson, at);
    }

    Clock clock() {
        return clock;
    }
}
