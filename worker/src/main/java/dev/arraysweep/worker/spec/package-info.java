/**
 * The typed parameters a worker trains with: {@link dev.arraysweep.worker.spec.RunSpec} and one record per
 * concern (data, run limits, optimiser, schedule, filters, selector, sampler), read from a run's canonical
 * {@link dev.arraysweep.db.params.ParamValues}.
 *
 * <p>The parameter registry ({@code dev.arraysweep.db.params}) stays the one definition of every parameter:
 * defaults are already applied by {@code Params.normalize}, so nothing here restates one; choices become enums
 * whose constants spell the registry's names ({@code top-k} is {@code TOP_K}); the records' compact
 * constructors check values against the registry's constraints. A parameter that does not apply to a run
 * reads as a neutral value (0, false, empty) or an empty {@link java.util.Optional}, never as a default.
 * {@code SpecReadsTest} fails when a registry parameter is read by no record here.
 */
package dev.arraysweep.worker.spec;
