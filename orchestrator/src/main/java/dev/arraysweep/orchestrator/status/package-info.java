/**
 * A sweep's progress for {@code arraysweep status}: runs per state, epochs done and an estimate of the time left.
 *
 * <p>Reads the database through module db's repositories only; never imports the {@code cli} package.
 */
package dev.arraysweep.orchestrator.status;
