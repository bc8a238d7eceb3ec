package dev.arraysweep.db.model;

import java.time.Instant;

/**
 * A run in state {@code running}, as much of it as a check of its worker needs (a light row: status reads
 * thousands of them on a big sweep).
 *
 * @param id the run's id
 * @param sweepId its sweep's id
 * @param arrayIndex its index in the sweep's array
 * @param attempt the attempt that runs it
 * @param heartbeatAt its worker's last heartbeat, null before the first
 */
public record RunningRun(long id, long sweepId, int arrayIndex, int attempt, Instant heartbeatAt) {}
