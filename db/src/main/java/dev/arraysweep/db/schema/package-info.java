/** The database schema: Flyway migrations, registry-derived parameter columns and user-facing views. */
package dev.arraysweep.db.schema;
