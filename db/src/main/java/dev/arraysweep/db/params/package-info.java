/**
 * The one definition of every run parameter: its name, type, default, allowed values and when it
 * applies, shared by expand-time validation in the orchestrator and by the worker.
 *
 * <p>{@link dev.arraysweep.db.params.Params#normalize Params.normalize} turns a raw map (from a sweep
 * file or from JSON) into canonical {@link dev.arraysweep.db.params.ParamValues}: defaults filled in,
 * values coerced to their canonical Java types ({@code Boolean}, {@code Integer}, {@code Double},
 * {@code String}, {@code List<Integer>}, {@code List<Double>}), ranges and cross-field rules checked,
 * and every parameter that does not apply to the run removed, so that equivalent runs are equal and
 * hash the same. Parameters are checked in registry order; a parameter's condition and computed
 * default may only look at parameters defined before it.
 *
 * <p>Errors are {@link dev.arraysweep.db.params.ParamException}s that name the parameter, the bad
 * value, what was expected and how to fix it; callers add the file and line.
 */
package dev.arraysweep.db.params;
