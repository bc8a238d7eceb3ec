/**
 * Sweep files: YAML parsing with file and line for every error, validation against the run parameter
 * registry ({@link dev.arraysweep.db.params.Params}), and expansion into canonical runs.
 *
 * <p>{@link dev.arraysweep.orchestrator.grid.SweepParser} reads a file into a
 * {@link dev.arraysweep.orchestrator.grid.SweepSpec}, checking every key and every single value;
 * {@link dev.arraysweep.orchestrator.grid.Expander} forms the product of its axes, drops exclusions,
 * normalises each combination and merges combinations that normalise to the same run. Every user
 * mistake is an {@link dev.arraysweep.db.ExitException} with exit status 2 whose message names the
 * file, line, column and key, says what was expected and how to fix it. Nothing here touches the
 * database.
 */
package dev.arraysweep.orchestrator.grid;
