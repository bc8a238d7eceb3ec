package dev.arraysweep.orchestrator.grid;

import dev.arraysweep.db.params.DidYouMean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads the {@code slurm:} block into {@link SlurmSettings}, pointing each bad value at its line. */
final class SlurmReader {
    private static final List<String> INT_KEYS = List.of("cpus_per_task", "max_concurrent", "signal_grace");

    private final ParamReader params;
    private final Problems problems;

    SlurmReader(ParamReader params) {
        this.params = params;
        this.problems = params.problems();
    }

    SlurmSettings read(NodeTuple tuple) {
        if (tuple == null || YamlValues.isNull(tuple.getValueNode())) {
            return SlurmSettings.defaults();
        }
        if (!(tuple.getValueNode() instanceof MappingNode mapping)) {
            problems.at(
                    tuple.getValueNode(),
                    "slurm",
                    "expected a mapping of Slurm settings (" + String.join(", ", SlurmSettings.KEYS) + "), found "
                            + ParamReader.kind(tuple.getValueNode()) + ".");
            return SlurmSettings.defaults();
        }
        Map<String, Object> values = new HashMap<>();
        Map<String, Node> nodes = new HashMap<>();
        boolean ok = true;
        for (Map.Entry<String, NodeTuple> e :
                params.yaml().entries(mapping, "slurm").entrySet()) {
            String key = e.getKey();
            Node valueNode = e.getValue().getValueNode();
            if (!SlurmSettings.KEYS.contains(key)) {
                problems.at(
                        e.getValue().getKeyNode(),
                        "slurm." + key,
                        "unknown Slurm setting. "
                                + DidYouMean.closest(key, SlurmSettings.KEYS)
                                        .map(s -> "Did you mean \"" + s + "\"?")
                                        .orElse("Valid settings: " + String.join(", ", SlurmSettings.KEYS) + "."));
                ok = false;
                continue;
            }
            nodes.put(key, valueNode);
            if (YamlValues.isNull(valueNode)) {
                continue;
            }
            Object value = INT_KEYS.contains(key) ? integer(key, valueNode) : text(key, valueNode);
            ok &= value != null;
            values.put(key, value);
        }
        if (!ok) {
            return SlurmSettings.defaults();
        }
        try {
            return new SlurmSettings(
                    (String) values.get("partition"),
                    (String) values.get("gres"),
                    (Integer) values.get("cpus_per_task"),
                    (String) values.get("mem"),
                    (String) values.get("time"),
                    (Integer) values.get("max_concurrent"),
                    (Integer) values.getOrDefault("signal_grace", SlurmSettings.DEFAULT_SIGNAL_GRACE),
                    (String) values.get("setup"),
                    (String) values.get("db_url"));
        } catch (SlurmSettings.InvalidSetting e) {
            problems.at(nodes.getOrDefault(e.key(), mapping), "slurm." + e.key(), e.detail());
            return SlurmSettings.defaults();
        }
    }

    private Integer integer(String key, Node node) {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
            try {
                return Integer.valueOf(scalar.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                // too large, or a YAML 1.1 form such as 0x10 or 1:30; reported below
            }
        }
        problems.at(
                node,
                "slurm." + key,
                "expected an integer, found " + ParamReader.kind(node)
                        + (node instanceof ScalarNode s && s.getScalarStyle() != ScalarStyle.PLAIN
                                ? ". Write it without quotes."
                                : "."));
        return null;
    }

    /** The text as written, so that {@code time: 2:00:00} stays a time and {@code mem: 32000} a size. */
    private String text(String key, Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problems.at(node, "slurm." + key, "expected text, found " + ParamReader.kind(node) + ".");
        return null;
    }
}
