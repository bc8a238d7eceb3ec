package dev.arraysweep.db.params;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which run is whose twin: runs whose parameters agree on everything but the sampling settings are
 * twins (thesis 4.1: every filtered run has an archetype run with the same parameters and seed).
 *
 * <p>The twin key is the hash of the canonical parameters with the {@linkplain #SAMPLING_PARAMETERS
 * sampling parameters} removed; it is stored on each run so that SQL can join a filtered run to its
 * {@linkplain #ARCHETYPE archetype}.
 */
public final class TwinKey {
    /**
     * The parameters that choose how samples are selected, in registry order: those the registry marks
     * {@linkplain ParamDef#sampling() sampling}; everything else makes up a run's configuration.
     */
    public static final List<String> SAMPLING_PARAMETERS =
            Params.all().stream().filter(ParamDef::sampling).map(ParamDef::name).toList();

    /** The sampling settings of the archetype: plain shuffled mini-batches (thesis Alg. 1). */
    public static final Map<String, Object> ARCHETYPE = Collections.unmodifiableMap(new LinkedHashMap<>(
            Map.of("epoch_filtering", false, "batch_filtering", false, "selector", "none", "sampler", "none")));

    /** The parameter that tells replicates of one configuration apart. */
    public static final String SEED = "seed";

    private TwinKey() {}

    /** {@return the twin key of a run: the SHA-256 (64 hex digits) of its parameters without the sampling ones} */
    public static String of(ParamValues params) {
        return new ParamValues(new TreeMap<>(configuration(params.asMap()))).hash();
    }

    /**
     * {@return the twin key of a run stored as parameter JSON, or empty when the JSON is not a valid set of
     * run parameters (hand-written rows in tests; such runs have no twins)}
     */
    public static Optional<String> ofJson(String paramsJson) {
        try {
            return Optional.of(of(ParamValues.fromJson(paramsJson)));
        } catch (ParamException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@return the parameters without the sampling ones, sorted by name} */
    public static SortedMap<String, Object> configuration(Map<String, ?> params) {
        TreeMap<String, Object> rest = new TreeMap<>(params);
        SAMPLING_PARAMETERS.forEach(rest::remove);
        return rest;
    }

    /** {@return the sampling parameters a run has, sorted by name} */
    public static SortedMap<String, Object> sampling(Map<String, ?> params) {
        TreeMap<String, Object> only = new TreeMap<>();
        for (String name : SAMPLING_PARAMETERS) {
            if (params.containsKey(name)) {
                only.put(name, params.get(name));
            }
        }
        return only;
    }

    /** {@return whether a run with these parameters is an archetype (no filter, selector or sampler)} */
    public static boolean isArchetype(Map<String, ?> params) {
        return ARCHETYPE.entrySet().stream().allMatch(e -> e.getValue().equals(params.get(e.getKey())));
    }
}
