package dev.arraysweep.orchestrator.slurm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arraysweep.db.ExitException;

/** Reads a sweep's stored {@code slurm:} block ({@code sweep.slurm_json}), keys as in the sweep file. */
public final class SlurmSettingsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlurmSettingsJson() {
    }

    /** {@return the settings in {@code json}, or the defaults when there is none} */
    public static SlurmSettings read(String json) {
        if (json == null || json.isBlank() || json.strip().equals("null")) {
            return SlurmSettings.defaults();
        }
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw ExitException.badInput("the sweep's stored slurm settings are not JSON (" + e.getOriginalMessage()
                    + "); expand the sweep file again");
        }
        Integer grace = integer(n, "signal_grace", "signalGrace");
        return new SlurmSettings(text(n, "partition", "partition"), text(n, "gres", "gres"),
                integer(n, "cpus_per_task", "cpusPerTask"), text(n, "mem", "mem"), text(n, "time", "time"),
                integer(n, "max_concurrent", "maxConcurrent"),
                grace == null ? SlurmSettings.DEFAULT_SIGNAL_GRACE : grace, text(n, "setup", "setup"),
                text(n, "db_url", "dbUrl"));
    }

    private static JsonNode field(JsonNode n, String key, String camel) {
        JsonNode v = n.has(key) ? n.get(key) : n.get(camel);
        return v == null || v.isNull() ? null : v;
    }

    private static String text(JsonNode n, String key, String camel) {
        JsonNode v = field(n, key, camel);
        return v == null ? null : v.asText();
    }

    private static Integer integer(JsonNode n, String key, String camel) {
        JsonNode v = field(n, key, camel);
        if (v == null) {
            return null;
        }
        if (!v.canConvertToInt()) {
            throw ExitException.badInput("the sweep's stored slurm." + key + " is " + v + ", not a whole number;"
                    + " expand the sweep file again");
        }
        return v.asInt();
    }
}
