package dev.arraysweep.db.params;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The canonical parameters of one run: only the parameters that apply, in canonical types, sorted by
 * name, with typed getters, canonical JSON and a SHA-256 hash that is equal for equivalent runs.
 *
 * <p>Instances come from {@link Params#normalize} or {@link #fromJson}; they are immutable.
 */
public final class ParamValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SortedMap<String, Object> values;
    private String json;
    private String hash;

    ParamValues(TreeMap<String, Object> values) {
        this.values = Collections.unmodifiableSortedMap(values);
    }

    /**
     * Reads parameters written by {@link #toJson} (or any JSON object of parameters) and normalises
     * them, so the worker sees exactly the typed view the orchestrator validated.
     *
     * @throws ParamException if a parameter is unknown or invalid
     * @throws IllegalArgumentException if the text is not a JSON object
     */
    public static ParamValues fromJson(String json) throws ParamException {
        Map<?, ?> raw;
        try {
            raw = JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("run parameters are not a JSON object: " + e.getOriginalMessage(), e);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) raw;
        return Params.normalize(params);
    }

    /** {@return whether parameter {@code name} applies to this run (its value may still be null)} */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** {@return the parameter values by name, sorted, unmodifiable; null values stand for "use the default behaviour"} */
    public SortedMap<String, Object> asMap() {
        return values;
    }

    /** {@return the value of an INT parameter} */
    public int intValue(String name) {
        return require(name, Integer.class);
    }

    /** {@return the value of a DOUBLE parameter} */
    public double doubleValue(String name) {
        return require(name, Double.class);
    }

    /** {@return the value of a BOOL parameter} */
    public boolean bool(String name) {
        return require(name, Boolean.class);
    }

    /** {@return the value of a CHOICE or STRING parameter} */
    public String string(String name) {
        return require(name, String.class);
    }

    /** {@return the value of an INT_LIST parameter} */
    @SuppressWarnings("unchecked")
    public List<Integer> intList(String name) {
        return require(name, List.class);
    }

    /** {@return the value of a DOUBLE_LIST parameter} */
    @SuppressWarnings("unchecked")
    public List<Double> doubleList(String name) {
        return require(name, List.class);
    }

    /** {@return the value of a nullable INT parameter, or null} */
    public Integer nullableInt(String name) {
        return optional(name, Integer.class);
    }

    /** {@return the value of a nullable DOUBLE parameter, or null} */
    public Double nullableDouble(String name) {
        return optional(name, Double.class);
    }

    /** {@return the value of a nullable STRING parameter, or null} */
    public String nullableString(String name) {
        return optional(name, String.class);
    }

    /** {@return the value of a nullable DOUBLE_LIST parameter, or null} */
    @SuppressWarnings("unchecked")
    public List<Double> nullableDoubleList(String name) {
        return optional(name, List.class);
    }

    /**
     * {@return canonical JSON: sorted keys, no spaces, ints as ints, doubles in shortest round-trip form, choices
     * that {@linkplain ParamDef#storedAs store as} another value written as that value}
     */
    public String toJson() {
        if (json == null) {
            json = CanonicalJson.write(stored(values));
        }
        return json;
    }

    /** {@return the values as runs store them: choices that {@linkplain ParamDef#storedAs store as} other values so} */
    private static SortedMap<String, Object> stored(SortedMap<String, Object> values) {
        TreeMap<String, Object> out = new TreeMap<>();
        values.forEach((name, value) ->
                out.put(name, Params.find(name).map(def -> def.stored(value)).orElse(value)));
        return out;
    }

    /** {@return the SHA-256 of {@link #toJson()} as 64 lower-case hex digits} */
    public String hash() {
        if (hash == null) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(toJson().getBytes(StandardCharsets.UTF_8));
                hash = HexFormat.of().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
        return hash;
    }

    /**
     * {@return the SHA-256 of the canonical JSON without parameter {@code name}}: runs that differ only in it
     * share this hash; {@code hashWithout("epochs")} says that one run is another trained longer
     */
    public String hashWithout(String name) {
        Map<String, Object> rest = new TreeMap<>(values);
        rest.remove(name);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CanonicalJson.write(rest).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** {@return the first 16 hex digits of {@link #hash()}, for tables and file names} */
    public String shortHash() {
        return hash().substring(0, 16);
    }

    private <T> T require(String name, Class<T> type) {
        T value = optional(name, type);
        if (value == null) {
            throw new IllegalArgumentException(
                    "parameter " + name + " is null in this run; read it with a nullable getter");
        }
        return value;
    }

    private <T> T optional(String name, Class<T> type) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException(
                    Params.find(name).isPresent()
                            ? "parameter " + name + " does not apply to this run (it applies when "
                                    + Params.find(name).get().appliesWhen().description() + ")"
                            : "unknown parameter " + name);
        }
        Object value = values.get(name);
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException(
                    "parameter " + name + " is " + value.getClass().getSimpleName() + ", not " + type.getSimpleName());
        }
        return type.cast(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamValues other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
