package dev.arraysweep.orchestrator.grid;

import dev.arraysweep.db.params.ParamDef;
import dev.arraysweep.db.params.ParamException;
import dev.arraysweep.db.params.Params;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads parameter keys and values from YAML nodes, checking each against the registry and reporting to {@link Problems}. */
final class ParamReader {
    private final Problems problems;
    private final YamlValues yaml;

    ParamReader(Problems problems, YamlValues yaml) {
        this.problems = problems;
        this.yaml = yaml;
    }

    Problems problems() {
        return problems;
    }

    YamlValues yaml() {
        return yaml;
    }

    /** The definition of a parameter key, or empty after reporting an unknown key with a hint. */
    Optional<ParamDef> param(Node keyNode, String path, String key) {
        Optional<ParamDef> def = Params.find(key);
        if (def.isEmpty()) {
            String hint = Params.suggest(key)
                    .map(s -> "Did you mean \"" + s + "\"?")
                    .orElseGet(() -> SweepParser.TOP_KEYS.contains(key)
                            ? key + ": is a top-level key; check the indentation."
                            : "Valid parameters: " + String.join(", ", Params.names()) + ".");
            problems.at(keyNode, path, "\"" + key + "\" is not a run parameter. " + hint);
        }
        return def;
    }

    /** The canonical value of one parameter value node, or null after reporting a bad value. */
    SourceValue value(ParamDef def, Node node, String path) {
        try {
            Object value = Params.coerce(def.name(), yaml.value(node, def.type()));
            return new SourceValue(
                    value,
                    path,
                    node.getStartMark().getLine() + 1,
                    node.getStartMark().getColumn() + 1);
        } catch (ParamException e) {
            problems.at(node, path, e.detail());
            return null;
        }
    }

    /** A mapping of parameter: single value (base, exclude entries); bad keys and values are reported and skipped. */
    Map<String, SourceValue> singleValues(MappingNode mapping, String path) {
        Map<String, SourceValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> e : yaml.entries(mapping, path).entrySet()) {
            String key = e.getKey();
            Optional<ParamDef> def = param(e.getValue().getKeyNode(), path + "." + key, key);
            if (def.isPresent()) {
                SourceValue value = value(def.get(), e.getValue().getValueNode(), path + "." + key);
                if (value != null) {
                    values.put(key, value);
                }
            }
        }
        return values;
    }

    /** The article and noun of a node's kind, for "found ..." messages. */
    static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        return node instanceof SequenceNode ? "a list" : "the value " + YamlValues.text(node);
    }
}
