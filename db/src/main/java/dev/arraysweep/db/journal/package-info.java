/** Append-only per-task JSONL journals and their idempotent ingestion into the database. */
package dev.arraysweep.db.journal;
