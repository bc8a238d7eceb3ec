/**
 * What a worker needs to start and own a run without the database: the run's task file (id, hash,
 * parameters; written when the sweep is expanded, submitted or run locally), the run's lock (held by
 * the one process that trains it, released by the kernel when that process dies), and the recorder of a
 * run's events (journal first, then, optionally, a database server).
 *
 * <p>Depends on the work directory's layout ({@link dev.arraysweep.db.Workspace}) and the journal format; the
 * recorder uses a database only when given one and never needs it, so that a worker can start and train
 * while no database is reachable. Nothing here depends on the orchestrator or the worker.
 */
package dev.arraysweep.db.task;
