package dev.arraysweep.db.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRepositoryTest {
    @TempDir
    Path dir;

    private Database open() {
        return Database.open("jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE");
    }

    private static NewRun run(String hash, int epochs) {
        return new NewRun(hash, "{\"h\":\"" + hash + "\"}", epochs, Map.of("epochs", epochs, "seed", 1));
    }

    @Test
    void sameExpansionTwice_changesNothing() {
        Database db = open();
        ExpansionResult first =
                db.runs().storeExpansion("s", "d", "f.yaml", "text", null, List.of(run("a", 2), run("b", 2)));
        ExpansionResult second =
                db.runs().storeExpansion("s", "d", "f.yaml", "text", null, List.of(run("a", 2), run("b", 2)));
        assertThat(first.created()).isTrue();
        assertThat(first.added()).isEqualTo(2);
        assertThat(second.changed()).isFalse();
        assertThat(second.kept()).isEqualTo(2);
        assertThat(db.sweeps().find("s").orElseThrow().expansions()).isEqualTo(1);
    }

    @Test
    void editedExpansion_appendsNewIndicesAndRetiresRemoved() {
        Database db = open();
        db.runs().storeExpansion("s", "d", "f.yaml", "v1", null, List.of(run("a", 2), run("b", 2), run("c", 2)));
        ExpansionResult r = db.runs()
                .storeExpansion("s", "d", "f.yaml", "v2", null, List.of(run("c", 2), run("d", 2), run("a", 2)));
        assertThat(r.added()).isEqualTo(1);
        assertThat(r.retired()).isEqualTo(1);
        assertThat(r.kept()).isEqualTo(2);
        long sweepId = db.sweeps().find("s").orElseThrow().id();
        List<Run> runs = db.runs().bySweep(sweepId);
        assertThat(runs).extracting(Run::paramsHash).containsExactly("a", "b", "c", "d");
        assertThat(runs)
                .extracting(Run::state)
                .containsExactly(RunState.PENDING, RunState.RETIRED, RunState.PENDING, RunState.PENDING);
        ExpansionResult back = db.runs()
                .storeExpansion(
                        "s", "d", "f.yaml", "v3", null, List.of(run("a", 2), run("b", 2), run("c", 2), run("d", 2)));
        assertThat(back.revived()).isEqualTo(1);
        assertThat(db.runs().find("s", 1).orElseThrow().state()).isEqualTo(RunState.PENDING);
    }

    @Test
    void claim_takesExactlyTheRunsThatNeedRunning() {
        Database db = open();
        db.runs().storeExpansion("s", "d", "f.yaml", "text", null, List.of(run("a", 2)));
        long id = db.runs().find("s", 0).orElseThrow().id();
        assertThat(RunState.toRun(true))
                .containsExactlyInAnyOrder(RunState.PENDING, RunState.FAILED, RunState.PREEMPTED, RunState.LOST);
        assertThat(RunState.toRun(false))
                .containsExactlyInAnyOrder(RunState.PENDING, RunState.PREEMPTED, RunState.LOST);
        assertThat(RunState.claimableStates())
                .as("a diverged run is never chosen to run again, but a worker may claim it when resubmitted by name")
                .containsExactlyInAnyOrder(
                        RunState.PENDING, RunState.FAILED, RunState.PREEMPTED, RunState.LOST, RunState.DIVERGED);
        for (RunState state : RunState.values()) {
            if (state == RunState.RUNNING) {
                continue; // a running run is claimed only when stale: the tests below
            }
            db.runs().setState(List.of(id), db.runs().find("s", 0).orElseThrow().state(), state);
            assertThat(db.runs()
                            .claim(id, null, null, "n", Duration.ofMinutes(5))
                            .claimed())
                    .as(state.dbName())
                    .isEqualTo(state.claimable());
        }
    }

    @Test
    void twoWorkersClaimingOneRun_exactlyOneWins() throws Exception {
        Database db = open();
        db.runs().storeExpansion("s", null, null, "t", null, List.of(run("a", 1)));
        long id = db.runs().find("s", 0).orElseThrow().id();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Callable<ClaimResult> claim = () -> open().runs().claim(id, "1", "1", "node", Duration.ofMinutes(5));
        Future<ClaimResult> a = pool.submit(claim);
        Future<ClaimResult> b = pool.submit(claim);
        List<ClaimResult> results = List.of(a.get(), b.get());
        pool.shutdown();
        assertThat(results).filteredOn(ClaimResult::claimed).hasSize(1);
        ClaimResult loser =
                results.stream().filter(r -> !r.claimed()).findFirst().orElseThrow();
        assertThat(loser.refusal()).contains("already running").contains("refusing to start a second worker");
        assertThat(db.runs().byId(id).orElseThrow().attempt()).isEqualTo(1);
    }

    @Test
    void staleRunningRun_canBeClaimedAgain_andOldAttemptCannotFinishIt() {
        Database db = open();
        db.runs().storeExpansion("s", null, null, "t", null, List.of(run("a", 1)));
        long id = db.runs().find("s", 0).orElseThrow().id();
        assertThat(db.runs().claim(id, null, null, "n1", Duration.ofMinutes(5)).claimed())
                .isTrue();
        ClaimResult second = db.runs().claim(id, null, null, "n2", Duration.ZERO.minusSeconds(1));
        assertThat(second.claimed()).isTrue();
        assertThat(second.run().attempt()).isEqualTo(2);
        assertThat(db.runs().finish(id, 1, RunState.DONE, null)).isFalse();
        assertThat(db.runs().finish(id, 2, RunState.DONE, null)).isTrue();
        ClaimResult again = db.runs().claim(id, null, null, "n3", Duration.ofMinutes(5));
        assertThat(again.claimed()).isFalse();
        assertThat(again.refusal()).contains("already done");
    }

    @Test
    void requeuedSlurmJob_takesOverItsOwnRunningRun_butNoOtherJobCan() {
        Database db = open();
        db.runs().storeExpansion("s", null, null, "t", null, List.of(run("a", 1)));
        long id = db.runs().find("s", 0).orElseThrow().id();
        assertThat(db.runs()
                        .claim(id, "77_0", "77", "n1", Duration.ofMinutes(5))
                        .claimed())
                .isTrue();
        assertThat(db.runs()
                        .claim(id, "78_0", "78", "n2", Duration.ofMinutes(5), true)
                        .claimed())
                .isFalse();
        assertThat(db.runs()
                        .claim(id, "77_0", "77", "n2", Duration.ofMinutes(5), false)
                        .claimed())
                .isFalse();
        ClaimResult requeued = db.runs().claim(id, "77_0", "77", "n2", Duration.ofMinutes(5), true);
        assertThat(requeued.claimed()).isTrue();
        assertThat(requeued.run().attempt()).isEqualTo(2);
        assertThat(requeued.run().node()).isEqualTo("n2");
    }
}
