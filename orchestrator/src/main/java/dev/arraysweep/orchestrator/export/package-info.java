/**
 * CSV files of one sweep's results for pandas or R, one per database view, written straight from SQL.
 *
 * <p>Depends on module db and the shared table output only; never imports {@code cli}.
 */
package dev.arraysweep.orchestrator.export;
