package dev.arraysweep.db.repo;

import dev.arraysweep.db.model.Sweep;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterColumnMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SQL of the {@code sweep} table. */
@RegisterConstructorMapper(Sweep.class)
@RegisterColumnMapper(InstantColumnMapper.class)
interface SweepDao {
    @SqlQuery("SELECT * FROM sweep WHERE name = :name")
    Optional<Sweep> find(@Bind("name") String name);

    @SqlQuery("SELECT * FROM sweep ORDER BY name")
    List<Sweep> list();

    @SqlQuery("SELECT source_text FROM sweep WHERE id = :id")
    String sourceText(@Bind("id") long id);

    @SqlUpdate("INSERT INTO sweep(name, description, source_path, source_text, slurm_json, created_at, updated_at)"
            + " VALUES (:name, :description, :sourcePath, :sourceText, :slurmJson, :now, :now)")
    @GetGeneratedKeys("id")
    long insert(
            @Bind("name") String name,
            @Bind("description") String description,
            @Bind("sourcePath") String sourcePath,
            @Bind("sourceText") String sourceText,
            @Bind("slurmJson") String slurmJson,
            @Bind("now") OffsetDateTime now);

    /** Stores a new expansion's description, source and Slurm settings and counts the expansion. */
    @SqlUpdate("UPDATE sweep SET description = :description, source_path = :sourcePath, source_text = :sourceText,"
            + " slurm_json = :slurmJson, expansions = expansions + 1, updated_at = :now WHERE id = :id")
    void update(
            @Bind("id") long id,
            @Bind("description") String description,
            @Bind("sourcePath") String sourcePath,
            @Bind("sourceText") String sourceText,
            @Bind("slurmJson") String slurmJson,
            @Bind("now") OffsetDateTime now);
}
