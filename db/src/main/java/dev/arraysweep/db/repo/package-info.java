/** JDBI repositories over the results database; {@link dev.arraysweep.db.repo.Database} opens it. */
package dev.arraysweep.db.repo;
