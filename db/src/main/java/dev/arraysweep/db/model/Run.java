package dev.arraysweep.db.model;

import java.time.Instant;

/**
 * One run of a sweep: its array index, canonical parameters and where its execution stands; a {@code done} run
 * that early stopping ended before its last epoch has the last epoch it trained ({@code stopEpoch}, from 0) and
 * why ({@code stopReason}), both null otherwise.
 */
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
        String errorText,
        Integer stopEpoch,
        String stopReason) {}
