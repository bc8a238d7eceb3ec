package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.slurm.TaskEnvironment;
import dev.arraysweep.orchestrator.local.OrphanedRuns;
import java.time.Duration;
import java.util.List;

/** Marks lost, and says so, the running runs outside submitted arrays whose worker is gone (see OrphanedRuns). */
final class Orphans {
    private Orphans() {}

    /**
     * Marks them in one sweep, or in all when {@code sweepId} is null, with a line each on the command's output:
     * the runs whose heartbeat is older than {@code ARRAYSWEEP_STALE_SECONDS} (default 300 s), or every one when
     * {@code everyRun} (run-local, whose own workers have just ended). {@return how many}
     */
    static int markLost(Context ctx, Database db, Long sweepId, boolean everyRun) {
        Duration quiet = everyRun ? Duration.ZERO : TaskEnvironment.staleAfter(ctx.env());
        List<OrphanedRuns.Orphan> lost = OrphanedRuns.markLost(db, ctx.workspace(), sweepId, ctx.clock(), quiet);
        for (OrphanedRuns.Orphan o : lost) {
            ctx.out().printf("marked run %d of %s lost: %s%n", o.run().arrayIndex(), o.sweep(), o.why());
        }
        return lost.size();
    }
}
