package dev.arraysweep.orchestrator.grid;

import dev.arraysweep.db.params.ParamType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Turns composed YAML nodes into raw Java values and reads mappings, reporting duplicate keys. */
final class YamlValues {
    private final Constructor constructor = new Constructor();
    private final Problems problems;

    YamlValues(Problems problems) {
        this.problems = problems;
    }

    /**
     * The raw value of a node for a parameter of {@code type}: for string and choice parameters the
     * scalar's text as written (so {@code time: 2:00:00} or {@code model: no} stay text instead of
     * YAML 1.1's sexagesimal int or boolean); otherwise the YAML-typed value. Values that are no
     * parameter type (dates, binary) come back as their text, which coercion then rejects.
     */
    Object value(Node node, ParamType type) {
        if (node instanceof ScalarNode scalar) {
            if (scalar.getTag().equals(Tag.NULL)) {
                return null;
            }
            if (type == ParamType.STRING || type == ParamType.CHOICE) {
                return scalar.getValue();
            }
            Object value = construct(scalar);
            return value instanceof Boolean
                            || value instanceof Integer
                            || value instanceof Long
                            || value instanceof BigInteger
                            || value instanceof Double
                            || value instanceof String
                    ? value
                    : scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            ParamType element = type == ParamType.INT_LIST
                    ? ParamType.INT
                    : type == ParamType.DOUBLE_LIST ? ParamType.DOUBLE : type;
            List<Object> list = new ArrayList<>();
            for (Node child : sequence.getValue()) {
                list.add(value(child, element));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            map.put(text(tuple.getKeyNode()), value(tuple.getValueNode(), ParamType.STRING));
        }
        return map;
    }

    /** The text of a scalar, or a short description of a collection. */
    static String text(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        return node instanceof SequenceNode ? "[...]" : "{...}";
    }

    /** A list of scalars in flow style, {@code [0.1, 0.2]}, for hints that show a fix. */
    static String flow(SequenceNode list) {
        StringBuilder b = new StringBuilder("[");
        for (Node n : list.getValue()) {
            b.append(b.length() == 1 ? "" : ", ").append(text(n));
        }
        return b.append("]").toString();
    }

    /** Whether the node is a scalar written as null ({@code ~}, {@code null} or nothing). */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /**
     * The entries of a mapping by key text, in file order; non-scalar and duplicate keys are reported
     * (keeping the first) under {@code path}.
     */
    Map<String, NodeTuple> entries(MappingNode mapping, String path) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String where = path.isEmpty() ? "" : path + ".";
            if (!(keyNode instanceof ScalarNode)) {
                problems.at(
                        keyNode,
                        path.isEmpty() ? "(top level)" : path,
                        "a key must be a plain name, not a list or mapping.");
                continue;
            }
            String key = ((ScalarNode) keyNode).getValue();
            NodeTuple first = entries.get(key);
            if (first != null) {
                problems.at(
                        keyNode,
                        where + key,
                        "duplicate key; it is first set on line "
                                + (first.getKeyNode().getStartMark().getLine() + 1) + ". Keep only one of them.");
                continue;
            }
            entries.put(key, tuple);
        }
        return entries;
    }

    private Object construct(ScalarNode scalar) {
        try {
            return constructor.construct(scalar);
        } catch (YAMLException e) {
            return scalar.getValue();
        }
    }

    /** Exposes SnakeYAML's safe construction of single nodes. */
    private static final class Constructor extends SafeConstructor {
        Constructor() {
            super(new LoaderOptions());
        }

        Object construct(Node node) {
            return constructObject(node);
        }
    }
}
