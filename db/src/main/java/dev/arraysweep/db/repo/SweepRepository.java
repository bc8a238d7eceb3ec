package dev.arraysweep.db.repo;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.model.Sweep;
import dev.arraysweep.db.params.DidYouMean;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Reads and writes the {@code sweep} table. */
public final class SweepRepository {
    static final RowMapper<Sweep> MAPPER = (rs, ctx) -> new Sweep(rs.getLong("id"), rs.getString("name"),
            rs.getString("description"), rs.getString("source_path"), rs.getString("slurm_json"),
            rs.getInt("expansions"), rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
            rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant());

    private final Jdbi jdbi;
    private final Clock clock;

    SweepRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** {@return the sweep called {@code name}, if stored} */
    public Optional<Sweep> find(String name) {
        return jdbi.withHandle(h -> find(h, name));
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
                    + (names.isEmpty() ? "; store one with `arraysweep expand sweeps/FILE.yaml`"
                    : "; stored sweeps: " + String.join(", ", names)));
        });
    }

    static Optional<Sweep> find(Handle h, String name) {
        return h.createQuery("SELECT * FROM sweep WHERE name = :name").bind("name", name).map(MAPPER).findOne();
    }

    /** {@return every stored sweep, by name} */
    public List<Sweep> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM sweep ORDER BY name").map(MAPPER).list());
    }

    /** Inserts a new sweep or updates the stored one's description, source and Slurm settings; returns its id. */
    static long upsert(Handle h, String name, String description, String sourcePath, String sourceText,
                       String slurmJson, Instant now) {
        Optional<Sweep> existing = find(h, name);
        if (existing.isPresent()) {
            h.createUpdate("UPDATE sweep SET description = :d, source_path = :p, source_text = :t, slurm_json = :s,"
                            + " expansions = expansions + 1, updated_at = :now WHERE id = :id")
                    .bind("d", description).bind("p", sourcePath).bind("t", sourceText).bind("s", slurmJson)
                    .bind("now", now.atOffset(java.time.ZoneOffset.UTC)).bind("id", existing.get().id()).execute();
            return existing.get().id();
        }
        return h.createUpdate("INSERT INTO sweep(name, description, source_path, source_text, slurm_json,"
                        + " created_at, updated_at) VALUES (:n, :d, :p, :t, :s, :now, :now)")
                .bind("n", name).bind("d", description).bind("p", sourcePath).bind("t", sourceText)
                .bind("s", slurmJson).bind("now", now.atOffset(java.time.ZoneOffset.UTC))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    Clock clock() {
        return clock;
    }
}
