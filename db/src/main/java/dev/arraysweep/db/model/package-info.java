/** Records for the values stored in the results database: sweeps, runs, their states and metrics. */
package dev.arraysweep.db.model;
