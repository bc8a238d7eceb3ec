package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.repo.Database;
import dev.arraysweep.orchestrator.local.OrphanedRuns;

/** Marks lost, and says so, the running runs outside submitted arrays whose worker is gone (see OrphanedRuns). */
final class Orphans {
    private Orphans() {}

    /** Marks them in one sweep, or in all when {@code sweepId} is null, with a line each on the command's output. */
    static void markLost(Context ctx, Database db, Long sweepId) {
        for (OrphanedRuns.Orphan o : OrphanedRuns.markLost(db, ctx.workspace(), sweepId, ctx.clock())) {
            ctx.out().printf("marked run %d of %s lost: %s%n", o.run().arrayIndex(), o.sweep(), o.why());
        }
    }
}
