package dev.arraysweep.db.model;

import java.time.Instant;

/** One run of a sweep: its array index, canonical parameters and where its execution stands. */
public record Run(
        long id,
        long sweepId,
        int arrayIndex,
        String paramsHash,
        String paramsJson,
        RunState state,
        int attempt,
        int epochsTotal,
        int epochsDone,
        String slurmJobId,
        String slurmArrayJobId,
        String node,
        Instant startedAt,
        Instant endedAt,
        Instant heartbeatAt,
        String errorText) {}
