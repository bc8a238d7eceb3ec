package dev.arraysweep.db.model;

import java.time.Instant;

/** A stored sweep: its name, where it came from and when it was last expanded. */
public record Sweep(
        long id,
        String name,
        String description,
        String sourcePath,
        String slurmJson,
        int expansions,
        Instant createdAt,
        Instant updatedAt) {}
