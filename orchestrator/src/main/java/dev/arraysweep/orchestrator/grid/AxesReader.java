package dev.arraysweep.orchestrator.grid;

import dev.arraysweep.db.params.ParamDef;
import dev.arraysweep.db.params.Params;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the {@code grid:}, {@code zip:} and {@code seeds:} blocks into axes, each parameter varied by one axis only. */
final class AxesReader {
    private final ParamReader params;
    private final Problems problems;
    /** Parameter name -> "axis name (line N)" of the axis that varies it. */
    private final Map<String, String> variedBy = new HashMap<>();

    AxesReader(ParamReader params) {
        this.params = params;
        this.problems = params.problems();
    }

    List<Axis> read(NodeTuple grid, NodeTuple zip, NodeTuple seeds) {
        List<Axis> axes = new ArrayList<>();
        if (grid != null) {
            grid(grid.getValueNode(), axes);
        }
        if (zip != null) {
            zip(zip.getValueNode(), axes);
        }
        if (seeds != null) {
            seeds(seeds.getValueNode(), axes);
        }
        return axes;
    }

    private void grid(Node node, List<Axis> axes) {
        if (YamlValues.isNull(node)
                || (node instanceof MappingNode m && m.getValue().isEmpty())) {
            problems.at(
                    node,
                    "grid",
                    "the grid is empty; expected at least one parameter with a list of values, e.g. "
                            + "batch_size: [16, 128]. Remove grid: for a single run made from base:.");
            return;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.at(
                    node, "grid", "expected a mapping of parameter: [values], found " + ParamReader.kind(node) + ".");
            return;
        }
        for (Map.Entry<String, NodeTuple> e :
                params.yaml().entries(mapping, "grid").entrySet()) {
            String key = e.getKey();
            String path = "grid." + key;
            Optional<ParamDef> def = params.param(e.getValue().getKeyNode(), path, key);
            if (def.isEmpty()) {
                continue;
            }
            List<SourceValue> values = list(def.get(), e.getValue().getValueNode(), path);
            if (values != null
                    && noDuplicates(values, path)
                    && claim(key, path, e.getValue().getKeyNode())) {
                List<Map<String, SourceValue>> points = new ArrayList<>();
                for (SourceValue value : values) {
                    points.add(Map.of(key, value));
                }
                axes.add(new Axis(path, line(e.getValue().getKeyNode()), List.of(key), points));
            }
        }
    }

    private void zip(Node node, List<Axis> axes) {
        if (!(node instanceof SequenceNode groups) || groups.getValue().isEmpty()) {
            problems.at(
                    node,
                    "zip",
                    "expected a non-empty list of groups, e.g. zip: [{model: [fcnet100, lenet], learning_rate: [0.01, 0.1]}]; found "
                            + (node instanceof SequenceNode ? "an empty list" : ParamReader.kind(node))
                            + ". Remove zip: if nothing varies together.");
            return;
        }
        for (int i = 0; i < groups.getValue().size(); i++) {
            Node group = groups.getValue().get(i);
            String name = "zip[" + i + "]";
            if (!(group instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
                problems.at(
                        group,
                        name,
                        "expected a non-empty mapping of parameter: [values], found " + ParamReader.kind(group) + ".");
                continue;
            }
            Map<String, List<SourceValue>> columns = new LinkedHashMap<>();
            Map<String, Node> keyNodes = new HashMap<>();
            boolean complete = true;
            for (Map.Entry<String, NodeTuple> e :
                    params.yaml().entries(mapping, name).entrySet()) {
                String path = name + "." + e.getKey();
                Optional<ParamDef> def = params.param(e.getValue().getKeyNode(), path, e.getKey());
                List<SourceValue> values =
                        def.isEmpty() ? null : list(def.get(), e.getValue().getValueNode(), path);
                complete &=
                        values != null && claim(e.getKey(), name, e.getValue().getKeyNode());
                columns.put(e.getKey(), values);
                keyNodes.put(e.getKey(), e.getValue().getKeyNode());
            }
            if (complete && equalLengths(group, name, columns, keyNodes)) {
                axes.add(new Axis(name, line(group), List.copyOf(columns.keySet()), transpose(columns)));
            }
        }
    }

    private void seeds(Node node, List<Axis> axes) {
        ParamDef seed = Params.find("seed").orElseThrow();
        List<SourceValue> values = list(seed, node, "seeds");
        if (values != null && noDuplicates(values, "seeds") && claim("seed", "seeds", node)) {
            List<Map<String, SourceValue>> points = new ArrayList<>();
            for (SourceValue value : values) {
                points.add(Map.of("seed", value));
            }
            axes.add(new Axis("seeds", line(node), List.of("seed"), points));
        }
    }

    /** The values of a non-empty YAML list, each checked; null after reporting a problem. */
    private List<SourceValue> list(ParamDef def, Node node, String path) {
        if (!(node instanceof SequenceNode sequence)) {
            problems.at(
                    node, path, "expected a list of values, found " + ParamReader.kind(node) + ". " + fix(node, path));
            return null;
        }
        if (sequence.getValue().isEmpty()) {
            problems.at(node, path, "the list is empty; expected at least one value.");
            return null;
        }
        List<SourceValue> values = new ArrayList<>();
        boolean ok = true;
        for (Node element : sequence.getValue()) {
            if (def.type().isList() && !(element instanceof SequenceNode) && !YamlValues.isNull(element)) {
                problems.at(
                        element,
                        path,
                        def.name() + " takes a list, so each value here is a list; write " + def.name()
                                + ": [[100, 150]] for one value or [[100], [150]] for two.");
                return null;
            }
            SourceValue value = params.value(def, element, path);
            ok &= value != null;
            values.add(value);
        }
        return ok ? values : null;
    }

    /** {@return how to write what was meant as a list: W&B's spellings and a seed count get their own hint} */
    private static String fix(Node node, String path) {
        String name = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        if (node instanceof MappingNode mapping) {
            Map<String, Node> keys = new LinkedHashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    keys.put(k.getValue(), t.getValueNode());
                }
            }
            if (keys.get("values") instanceof SequenceNode values) {
                return "W&B's {values: [...]} is a plain list here: write " + name + ": " + YamlValues.flow(values)
                        + ".";
            }
            if (keys.containsKey("value")) {
                return "W&B's {value: ...} is a single value: move it to base:, e.g. base: {" + name + ": "
                        + YamlValues.text(keys.get("value")) + "}.";
            }
            if (keys.containsKey("distribution") || keys.containsKey("min") || keys.containsKey("max")) {
                return "arraysweep expands grids; a distribution (W&B's random or bayes search) has no equivalent."
                        + " List the values to run, e.g. " + name + ": [0.001, 0.01, 0.1].";
            }
        }
        if (path.equals("seeds")) {
            if (node instanceof ScalarNode scalar && scalar.getValue().matches("[1-9][0-9]{0,3}")) {
                int n = Integer.parseInt(scalar.getValue());
                return "For " + n + " seeds write seeds: " + seedList(n) + " (seeds: [" + n + "] is the one seed " + n
                        + ").";
            }
            return "Write seeds: [0, 1, 2] for three seeds.";
        }
        String example = YamlValues.isNull(node) ? "[...]" : "[" + YamlValues.text(node) + "]";
        return "Write " + example + ", or move a single value to base:.";
    }

    private static String seedList(int n) {
        if (n <= 5) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < n; i++) {
                b.append(i == 0 ? "" : ", ").append(i);
            }
            return b.append("]").toString();
        }
        return "[0, 1, ..., " + (n - 1) + "] (every number written out)";
    }

    private boolean noDuplicates(List<SourceValue> values, String path) {
        Map<Object, SourceValue> seen = new HashMap<>();
        boolean ok = true;
        for (SourceValue value : values) {
            SourceValue first = seen.putIfAbsent(Objects.requireNonNullElse(value.value(), NULL), value);
            if (first != null) {
                problems.at(
                        value.line(),
                        value.column(),
                        path,
                        "the value " + value.value() + " is listed twice (first at " + first.position()
                                + "); expected each value once. Remove one.");
                ok = false;
            }
        }
        return ok;
    }

    private boolean claim(String key, String axisName, Node at) {
        String other = variedBy.putIfAbsent(key, axisName + " (line " + line(at) + ")");
        if (other != null) {
            problems.at(
                    at,
                    axisName.startsWith("grid.") || axisName.equals("seeds") ? axisName : axisName + "." + key,
                    key + " is already varied by " + other + "; a parameter can be varied by one axis only. "
                            + "Keep it in one of them" + (key.equals("seed") ? " (seeds: is the usual place)." : "."));
            return false;
        }
        return true;
    }

    private boolean equalLengths(
            Node group, String name, Map<String, List<SourceValue>> columns, Map<String, Node> keyNodes) {
        int expected = columns.values().iterator().next().size();
        if (columns.values().stream().allMatch(c -> c.size() == expected)) {
            return true;
        }
        StringBuilder lengths = new StringBuilder();
        columns.forEach((key, values) -> lengths.append(lengths.length() == 0 ? "" : ", ")
                .append(key)
                .append(": ")
                .append(values.size())
                .append(" on line ")
                .append(line(keyNodes.get(key))));
        problems.at(
                group,
                name,
                "the lists have different lengths (" + lengths + "); expected lists of equal length, "
                        + "because the i-th values of a zip group are used together. Make them the same length, or use grid: for a product.");
        return false;
    }

    private static List<Map<String, SourceValue>> transpose(Map<String, List<SourceValue>> columns) {
        int size = columns.values().iterator().next().size();
        List<Map<String, SourceValue>> points = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Map<String, SourceValue> point = new LinkedHashMap<>();
            for (Map.Entry<String, List<SourceValue>> column : columns.entrySet()) {
                point.put(column.getKey(), column.getValue().get(i));
            }
            points.add(Collections.unmodifiableMap(point));
        }
        return points;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static final Object NULL = new Object();
}
