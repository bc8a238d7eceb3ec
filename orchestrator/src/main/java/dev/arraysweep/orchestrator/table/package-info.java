/** Tabular output shared by the {@code sql}, {@code status} and {@code report} commands. */
package dev.arraysweep.orchestrator.table;
