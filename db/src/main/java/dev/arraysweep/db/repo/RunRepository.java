package dev.arraysweep.db.repo;

import dev.arraysweep.db.model.Run;
import dev.arraysweep.db.model.RunState;
import dev.arraysweep.db.model.Sweep;
import dev.arraysweep.db.params.ParamException;
import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.params.Params;
import dev.arraysweep.db.schema.ParamColumn;
import dev.arraysweep.db.schema.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Reads and writes the {@code run} table through {@link RunDao}: expansion, atomic claims, heartbeats and state
 * changes. New runs are the exception: {@link #storeExpansion} inserts them with plain JDBC batches.
 */
public final class RunRepository {
    private static final int BATCH = 5000;

    private final Jdbi jdbi;
    private final Clock clock;

    RunRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * {@return what storing {@code runs} as the content of sweep {@code name} would do}, read in one
     * transaction and changing nothing (for a dry run)
     */
    public ExpansionPlan planExpansion(String name, String sourceText, List<NewRun> runs) {
        return jdbi.inTransaction(h -> plan(h, name, sourceText, runs));
    }

    /** Stores an expansion, retiring whatever it no longer holds, results or not (fixtures and tests). */
    public ExpansionResult storeExpansion(
            String name,
            String description,
            String sourcePath,
            String sourceText,
            String slurmJson,
            List<NewRun> runs) {
        return storeExpansion(name, description, sourcePath, sourceText, slurmJson, runs, true);
    }

    /**
     * Stores an expansion in one transaction: runs whose hash is known keep their array index, new ones
     * are appended after the highest index, and stored runs missing from {@code runs} are retired.
     * Storing the same expansion twice changes nothing.
     *
     * @param retireResults whether runs with results (or a worker on them) may be retired; when false and
     *     the plan would retire some, nothing is written and {@link RetiresResults} names them
     */
    public ExpansionResult storeExpansion(
            String name,
            String description,
            String sourcePath,
            String sourceText,
            String slurmJson,
            List<NewRun> runs,
            boolean retireResults) {
        return jdbi.inTransaction(h -> {
            ExpansionPlan plan = plan(h, name, sourceText, runs);
            if (!retireResults && !plan.retiredWithResults().isEmpty()) {
                throw new RetiresResults(plan);
            }
            if (!plan.changed()) {
                long id = SweepRepository.find(h, name).orElseThrow().id();
                return new ExpansionResult(id, false, 0, plan.kept().size(), 0, 0, 0);
            }
            long sweepId =
                    SweepRepository.upsert(h, name, description, sourcePath, sourceText, slurmJson, clock.instant());
            int first = plan.fresh().isEmpty() ? 0 : plan.fresh().get(0).index();
            insert(
                    h,
                    sweepId,
                    first,
                    plan.fresh().stream().map(ExpansionPlan.Placed::run).toList());
            RunDao dao = h.attach(RunDao.class);
            extend(h, plan.extended());
            if (!plan.retired().isEmpty()) {
                dao.retire(plan.retired().stream().map(Run::id).toList());
            }
            for (Run r : plan.revived()) {
                boolean finished = r.epochsDone() >= r.epochsTotal() || r.stopEpoch() != null;
                String state = finished && r.attempt() > 0 ? "done" : "pending";
                dao.setState(r.id(), state);
            }
            return new ExpansionResult(
                    sweepId,
                    !plan.stored(),
                    plan.fresh().size(),
                    plan.kept().size(),
                    plan.retired().size(),
                    plan.revived().size(),
                    plan.extended().size());
        });
    }

    /** Refused: storing would retire runs that have results, and the caller did not allow it. */
    public static final class RetiresResults extends RuntimeException {
        private final transient ExpansionPlan plan;

        RetiresResults(ExpansionPlan plan) {
            super(plan.retiredWithResults().size() + " runs with results would be retired");
            this.plan = plan;
        }

        /** {@return the refused plan} */
        public ExpansionPlan plan() {
            return plan;
        }
    }

    /**
     * {@return the hash of a run's parameters without {@code epochs}, empty when they cannot be read or when
     * its training depends on the total epochs (then a longer run is a new run)}
     */
    private static Optional<String> withoutEpochs(String paramsJson) {
        try {
            ParamValues p = ParamValues.fromJson(paramsJson);
            return Params.dependsOnTotalEpochs(p) ? Optional.empty() : Optional.of(p.hashWithout("epochs"));
        } catch (ParamException | RuntimeException e) {
            return Optional.empty(); // parameters of another version: never extended
        }
    }

    private static ExpansionPlan plan(Handle h, String name, String sourceText, List<NewRun> runs) {
        Optional<Sweep> before = SweepRepository.find(h, name);
        Map<String, Run> existing = new HashMap<>();
        int maxIndex = -1;
        if (before.isPresent()) {
            for (Run r : h.attach(RunDao.class).bySweep(before.get().id())) {
                existing.put(r.paramsHash(), r);
                maxIndex = Math.max(maxIndex, r.arrayIndex());
            }
        }
        Map<String, NewRun> wanted = new LinkedHashMap<>();
        runs.forEach(r -> wanted.putIfAbsent(r.hash(), r));
        Map<String, Run> longerCandidates = new HashMap<>();
        for (Run r : existing.values()) {
            if (!wanted.containsKey(r.paramsHash()) && r.state() != RunState.RETIRED && r.state() != RunState.RUNNING) {
                withoutEpochs(r.paramsJson()).ifPresent(k -> longerCandidates.putIfAbsent(k, r));
            }
        }
        List<ExpansionPlan.Placed> fresh = new ArrayList<>();
        List<Run> kept = new ArrayList<>();
        List<Run> revived = new ArrayList<>();
        List<ExpansionPlan.Extension> extended = new ArrayList<>();
        Set<Long> extendedIds = new HashSet<>();
        int next = maxIndex + 1;
        for (NewRun r : wanted.values()) {
            Run old = existing.get(r.hash());
            Run shorter = old != null || longerCandidates.isEmpty()
                    ? null
                    : withoutEpochs(r.paramsJson()).map(longerCandidates::get).orElse(null);
            if (shorter != null && r.epochsTotal() > shorter.epochsTotal() && extendedIds.add(shorter.id())) {
                extended.add(new ExpansionPlan.Extension(shorter, r));
            } else if (old == null) {
                fresh.add(new ExpansionPlan.Placed(next++, r));
            } else if (old.state() == RunState.RETIRED) {
                revived.add(old);
            } else {
                kept.add(old);
            }
        }
        List<Run> retired = existing.values().stream()
                .filter(r -> !wanted.containsKey(r.paramsHash())
                        && r.state() != RunState.RETIRED
                        && !extendedIds.contains(r.id()))
                .sorted(Comparator.comparingInt(Run::arrayIndex))
                .toList();
        boolean sourceChanged = before.isEmpty()
                || !Objects.equals(
                        h.attach(SweepDao.class).sourceText(before.get().id()), sourceText);
        return new ExpansionPlan(before.isPresent(), sourceChanged, fresh, kept, retired, revived, extended);
    }

    /**
     * Inserts new runs and their typed parameter rows with plain JDBC batches rather than a {@code @SqlBatch}:
     * for 100,000 runs JDBI's per-value binding cost a fifth of the time H2 needed for the inserts themselves,
     * and the {@code run_param} columns come from the parameter registry, not from a fixed statement.
     */
    private void insert(Handle h, long sweepId, int firstIndex, List<NewRun> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        Connection c = h.getConnection();
        try {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO run(sweep_id, array_index, params_hash,"
                    + " params_json, state, epochs_total, twin_key) VALUES (?, ?, ?, ?, 'pending', ?, ?)")) {
                int index = firstIndex;
                for (NewRun r : fresh) {
                    st.setLong(1, sweepId);
                    st.setInt(2, index++);
                    st.setString(3, r.hash());
                    st.setString(4, r.paramsJson());
                    st.setInt(5, r.epochsTotal());
                    st.setString(6, r.twinKey());
                    batch(st, index - firstIndex);
                }
                st.executeBatch();
            }
            Map<String, Long> ids = h.attach(RunDao.class).idsByHashFrom(sweepId, firstIndex);
            Map<Long, NewRun> byId = new LinkedHashMap<>();
            fresh.forEach(r -> byId.put(ids.get(r.hash()), r));
            insertParamRows(c, byId);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** Inserts the typed {@code run_param} row of each run, by run id. */
    private static void insertParamRows(Connection c, Map<Long, NewRun> byId) throws SQLException {
        List<ParamColumn> cols = Schema.paramColumns();
        String names = cols.stream().map(ParamColumn::quoted).collect(Collectors.joining(", "));
        String marks = cols.stream().map(col -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement st = c.prepareStatement("INSERT INTO run_param(run_id"
                + (cols.isEmpty() ? "" : ", " + names) + ") VALUES (?" + (cols.isEmpty() ? "" : ", " + marks) + ")")) {
            int n = 0;
            for (Map.Entry<Long, NewRun> e : byId.entrySet()) {
                st.setLong(1, e.getKey());
                for (int i = 0; i < cols.size(); i++) {
                    Object v = e.getValue().columns().get(cols.get(i).name());
                    if (v == null) {
                        st.setNull(i + 2, Types.NULL);
                    } else {
                        st.setObject(i + 2, v);
                    }
                }
                batch(st, ++n);
            }
            st.executeBatch();
        }
    }

    /**
     * Gives each extended run its new parameters (more epochs) in place: same id, index, metrics and journal;
     * a finished one becomes {@code pending} again, so that the next run-local or submit continues it from its
     * final state. A run that early stopping ended before its last epoch stays {@code done}: trained longer, it
     * would stop at the same epoch (its patience ran out there, whatever the total), so a job for it would only
     * resume and stop again.
     */
    private static void extend(Handle h, List<ExpansionPlan.Extension> extended) {
        if (extended.isEmpty()) {
            return;
        }
        Map<Long, NewRun> byId = new LinkedHashMap<>();
        for (ExpansionPlan.Extension x : extended) {
            h.createUpdate("UPDATE run SET params_hash = :h, params_json = :j, epochs_total = :e, twin_key = :t,"
                            + " state = CASE WHEN state = 'done' AND stop_epoch IS NULL THEN 'pending' ELSE state END"
                            + " WHERE id = :id")
                    .bind("h", x.to().hash())
                    .bind("j", x.to().paramsJson())
                    .bind("e", x.to().epochsTotal())
                    .bind("t", x.to().twinKey())
                    .bind("id", x.from().id())
                    .execute();
            h.createUpdate("DELETE FROM run_param WHERE run_id = :id")
                    .bind("id", x.from().id())
                    .execute();
            byId.put(x.from().id(), x.to());
        }
        try {
            insertParamRows(h.getConnection(), byId);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** Adds the current row to the batch, sending it every {@value #BATCH} rows to bound the driver's memory. */
    private static void batch(PreparedStatement st, int rows) throws SQLException {
        st.addBatch();
        if (rows % BATCH == 0) {
            st.executeBatch();
        }
    }

    /** {@return every run of a sweep, by array index} */
    public List<Run> bySweep(long sweepId) {
        return dao().bySweep(sweepId);
    }

    /** {@return the run at {@code index} of the sweep called {@code sweep}} */
    public Optional<Run> find(String sweep, int index) {
        return dao().find(sweep, index);
    }

    /** {@return the run with this id} */
    public Optional<Run> byId(long id) {
        return dao().byId(id);
    }

    private RunDao dao() {
        return jdbi.onDemand(RunDao.class);
    }

    /**
     * Claims a run for a worker with one conditional UPDATE: only a claimable run, or a running one whose
     * heartbeat is older than {@code stale}, is taken; the attempt counter goes up by one.
     */
    public ClaimResult claim(long runId, String jobId, String arrayJobId, String node, Duration stale) {
        return claim(runId, jobId, arrayJobId, node, stale, false);
    }

    /**
     * Claims a run as {@link #claim(long, String, String, String, Duration)} does; when {@code requeued} (Slurm
     * restarted this very job: {@code SLURM_RESTART_COUNT > 0}) a run still marked running by the same Slurm job
     * id is taken over at once, since its previous process is gone (node failure, requeue) however fresh its
     * heartbeat looks.
     */
    public ClaimResult claim(
            long runId, String jobId, String arrayJobId, String node, Duration stale, boolean requeued) {
        OffsetDateTime now = now();
        boolean sameJob = requeued && jobId != null;
        int updated = dao().claim(
                        runId,
                        jobId,
                        arrayJobId,
                        node,
                        now,
                        now.minus(stale),
                        sameJob,
                        RunState.dbNames(RunState.claimableStates()));
        Run run = byId(runId).orElseThrow();
        if (updated == 1) {
            event(runId, run.attempt(), "claim", "node=" + node + " job=" + jobId);
            return new ClaimResult(run, null);
        }
        return new ClaimResult(run, refusal(run, now.toInstant()));
    }

    private static String refusal(Run run, Instant now) {
        return switch (run.state()) {
            case RUNNING -> "run " + run.arrayIndex() + " is already running (attempt " + run.attempt() + " on node "
                    + run.node() + ", last heartbeat "
                    + Duration.between(run.heartbeatAt(), now).toSeconds()
                    + " s ago); refusing to start a second worker for it. If that worker is gone, wait until its"
                    + " heartbeat is stale or let `arraysweep status` mark it lost.";
            case DONE -> "run " + run.arrayIndex() + " is already done (" + run.epochsDone() + " epochs);"
                    + " nothing to do.";
            case RETIRED -> "run " + run.arrayIndex() + " was retired (it is no longer in the sweep file);"
                    + " add its parameters back and expand again to run it.";
            default -> "run " + run.arrayIndex() + " is " + run.state().dbName() + " and cannot be claimed.";
        };
    }

    /** Records a heartbeat and the number of epochs done; false if this attempt no longer owns the run. */
    public boolean heartbeat(long runId, int attempt, int epochsDone) {
        return dao().heartbeat(runId, attempt, epochsDone, now()) == 1;
    }

    /** Ends an attempt in {@code state} (done, failed or preempted) with an optional error text. */
    public boolean finish(long runId, int attempt, RunState state, String error) {
        int n = dao().finish(runId, attempt, state.dbName(), error, now());
        if (n == 1) {
            event(runId, attempt, state.dbName(), error);
        }
        return n == 1;
    }

    /** Sets the state of runs regardless of their attempt (orchestrator-side reconciliation). */
    public int setState(List<Long> runIds, RunState from, RunState to) {
        if (runIds.isEmpty()) {
            return 0;
        }
        return dao().setState(runIds, from.dbName(), to.dbName());
    }

    /** Appends a row to {@code run_event}. */
    public void event(long runId, int attempt, String kind, String detail) {
        dao().event(runId, attempt, kind, detail, now());
    }

    /** {@return counts of runs per state for one sweep} */
    public Map<RunState, Integer> countByState(long sweepId) {
        Map<RunState, Integer> counts = new EnumMap<>(RunState.class);
        counts.putAll(dao().countByState(sweepId));
        return counts;
    }

    /** {@return array indices of a sweep's runs in any of {@code states}, ascending} */
    public List<Integer> indicesIn(long sweepId, Collection<RunState> states) {
        return dao().indicesIn(sweepId, RunState.dbNames(states));
    }
}
