package dev.arraysweep.orchestrator.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.params.TwinKey;
import dev.arraysweep.db.repo.Database;
import dev.arraysweep.db.repo.ExpansionPlan;
import dev.arraysweep.db.repo.ExpansionResult;
import dev.arraysweep.db.repo.NewRun;
import dev.arraysweep.db.repo.RunRepository;
import dev.arraysweep.orchestrator.grid.ExpandedRun;
import dev.arraysweep.orchestrator.grid.SlurmSettings;
import dev.arraysweep.orchestrator.grid.SweepSpec;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stores an expanded sweep: its runs with canonical JSON, hash and typed parameter columns, and its Slurm block. */
public final class SweepStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepStore() {}

    /**
     * {@return what storing {@code runs} as the current content of {@code spec}'s sweep changed}
     *
     * @param retireResults whether runs that have results may be retired (else {@link
     *     RunRepository.RetiresResults} is thrown and nothing is written)
     */
    public static ExpansionResult store(
            Database db, SweepSpec spec, String sourceText, List<ExpandedRun> runs, boolean retireResults) {
        return db.runs()
                .storeExpansion(
                        spec.name(),
                        spec.description(),
                        spec.file().toAbsolutePath().toString(),
                        sourceText,
                        slurmJson(spec.slurm()),
                        newRuns(runs),
                        retireResults);
    }

    /** {@return what storing {@code runs} would do to the stored sweep, writing nothing} */
    public static ExpansionPlan plan(Database db, SweepSpec spec, String sourceText, List<ExpandedRun> runs) {
        return db.runs().planExpansion(spec.name(), sourceText, newRuns(runs));
    }

    private static List<NewRun> newRuns(List<ExpandedRun> runs) {
        List<NewRun> rows = new ArrayList<>(runs.size());
        for (ExpandedRun r : runs) {
            rows.add(new NewRun(
                    r.hash(),
                    r.params().toJson(),
                    r.params().intValue("epochs"),
                    columns(r.params()),
                    TwinKey.of(r.params())));
        }
        return rows;
    }

    /** {@return the Slurm block as JSON, as stored in {@code sweep.slurm_json}} */
    public static String slurmJson(SlurmSettings s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the Slurm block stored with a sweep} */
    public static SlurmSettings slurmSettings(String json) {
        if (json == null) {
            return SlurmSettings.defaults();
        }
        try {
            return JSON.readValue(json, SlurmSettings.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> columns(ParamValues p) {
        Map<String, Object> out = new HashMap<>();
        for (var e : p.asMap().entrySet()) {
            Object v = e.getValue();
            if (v instanceof List<?> list) {
                try {
                    v = JSON.writeValueAsString(list);
                } catch (JsonProcessingException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
            out.put(e.getKey(), v);
        }
        return out;
    }
}
