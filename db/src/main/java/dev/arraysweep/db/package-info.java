/**
 * What both command-line tools share at the root of module db: the work directory's layout and every
 * file-name pattern in it ({@link dev.arraysweep.db.Workspace}), the failure that ends a command with a named
 * exit status ({@link dev.arraysweep.db.ExitException}), checks of flag values and this machine's name.
 *
 * <p>Module db depends on neither the orchestrator nor the worker: both depend on it
 * ({@code orchestrator -> db <- worker}). The classes here import no other package of the module, so that
 * every package of it may use them.
 */
package dev.arraysweep.db;
