/**
 * What a worker learns from Slurm's environment: which array task it is, which run that means.
 *
 * <p>Lives in module db because both the orchestrator (which writes the variables into the batch
 * script) and the worker (which reads them) use it, and the worker must not depend on the
 * orchestrator.
 */
package dev.arraysweep.db.slurm;
