/**
 * What a worker needs to start and own a run without the database: the run's task file (id, hash,
 * parameters; written when the sweep is expanded, submitted or run locally) and the run's lock (held by
 * the one process that trains it, released by the kernel when that process dies).
 *
 * <p>Depends on the work directory's layout ({@link dev.arraysweep.db.Workspace}) and the journal format only;
 * never on the database, so that a worker can train while no database is reachable.
 */
package dev.arraysweep.db.task;
