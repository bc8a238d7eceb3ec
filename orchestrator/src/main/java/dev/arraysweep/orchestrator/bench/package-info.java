/**
 * Benchmarks of the orchestrator's bulk work (expansion, journal ingest) on synthetic sweeps and journals
 * in a throw-away work directory; {@code arraysweep bench} prints their figures.
 */
package dev.arraysweep.orchestrator.bench;
