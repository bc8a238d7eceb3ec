package dev.arraysweep.orchestrator.grid;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.params.DidYouMean;
import dev.arraysweep.db.params.Params;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a sweep file into a {@link SweepSpec}, checking every key and value; all mistakes found are
 * reported together in one {@link ExitException} (exit status 2) naming file, line, column and key.
 */
public final class SweepParser {
    /** The keys allowed at the top level of a sweep file. */
    public static final List<String> TOP_KEYS =
            List.of("name", "description", "base", "grid", "zip", "seeds", "exclude", "slurm");

    private final Path file;
    private final Problems problems;
    private final ParamReader params;

    private SweepParser(Path file) {
        this.file = file;
        this.problems = new Problems(file.toString());
        this.params = new ParamReader(problems, new YamlValues(problems));
    }

    /** {@return the sweep in {@code file}} @throws ExitException (bad input) if it cannot be read or is invalid */
    public static SweepSpec parse(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw ExitException.badInput(file + ": no such sweep file. Check the path.");
        } catch (MalformedInputException e) {
            throw ExitException.badInput(file + ": the file is not UTF-8 text. Save it as UTF-8.");
        } catch (IOException e) {
            throw ExitException.badInput(file + ": cannot read the sweep file: " + e.getMessage());
        }
        return parse(file, text);
    }

    /** {@return the sweep in {@code text}, reporting errors against {@code file}} @throws ExitException (bad input) if invalid */
    public static SweepSpec parse(Path file, String text) {
        return new SweepParser(file).read(text);
    }

    private SweepSpec read(String text) {
        Node root = compose(text);
        if (root == null) {
            throw ExitException.badInput(
                    file + ": the file is empty; a sweep needs at least a name: and usually base: and grid:.");
        }
        if (!(root instanceof MappingNode rootMap)) {
            problems.at(
                    root,
                    "(top level)",
                    "expected a mapping of keys (" + String.join(", ", TOP_KEYS) + "), found " + ParamReader.kind(root)
                            + ".");
            problems.throwIfAny();
            throw new AssertionError("unreachable");
        }
        Map<String, NodeTuple> top = params.yaml().entries(rootMap, "");
        for (Map.Entry<String, NodeTuple> e : top.entrySet()) {
            if (!TOP_KEYS.contains(e.getKey())) {
                unknownTopKey(e.getValue().getKeyNode(), e.getKey());
            }
        }
        String name = name(top.get("name"));
        String description = description(top.get("description"));
        Map<String, SourceValue> base = base(top.get("base"));
        List<Axis> axes = new AxesReader(params).read(top.get("grid"), top.get("zip"), top.get("seeds"));
        List<Exclusion> exclusions = exclusions(top.get("exclude"));
        SlurmSettings slurm = new SlurmReader(params).read(top.get("slurm"));
        problems.throwIfAny();
        return new SweepSpec(file, name, description, base, axes, exclusions, slurm);
    }

    private Node compose(String text) {
        try {
            return new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null
                    ? file + ": "
                    : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": ";
            String context = e.getContext() == null
                    ? ""
                    : " (" + e.getContext()
                            + (e.getContextMark() == null
                                    ? ""
                                    : " that starts at line "
                                            + (e.getContextMark().getLine() + 1))
                            + ")";
            throw ExitException.badInput(where + "YAML syntax error: " + e.getProblem() + context
                    + ". Fix the YAML there; values containing ': ', ' #', '[' or '{' need quotes.");
        } catch (YAMLException e) {
            throw ExitException.badInput(file + ": not valid YAML: " + e.getMessage());
        }
    }

    /** Top-level keys of a W&B sweep file, and what arraysweep has instead. */
    private static final Map<String, String> WANDB_TOP = Map.of(
            "method",
            "W&B's method: has no equivalent: arraysweep always runs the whole grid (grid:, zip:, seeds:), minus"
                    + " exclude:.",
            "parameters",
            "W&B's parameters: is split here into base: (one value each) and grid: (a list of values each).",
            "metric",
            "W&B's metric: has no equivalent: every run records every metric; compare with arraysweep report.",
            "program",
            "W&B's program: has no equivalent: the worker trains the run's model itself.",
            "command",
            "W&B's command: has no equivalent: the worker trains the run's model itself.",
            "early_terminate",
            "W&B's early_terminate: has no equivalent.");

    private void unknownTopKey(Node keyNode, String key) {
        if (WANDB_TOP.containsKey(key)) {
            problems.at(keyNode, key, "unknown top-level key. " + WANDB_TOP.get(key));
            return;
        }
        String hint = DidYouMean.closest(key, TOP_KEYS)
                .map(s -> "Did you mean \"" + s + "\"?")
                .orElseGet(() -> Params.find(key).isPresent()
                        ? "Run parameters go under base: (one value) or grid: (a list of values)."
                        : "Valid top-level keys: " + String.join(", ", TOP_KEYS) + ".");
        problems.at(keyNode, key, "unknown top-level key. " + hint);
    }

    private String name(NodeTuple tuple) {
        if (tuple == null) {
            problems.general("name: missing; every sweep needs a unique name of lower-case letters, digits and '-', "
                    + "e.g. name: cifar10-batch-size.");
            return null;
        }
        Node node = tuple.getValueNode();
        String name = node instanceof ScalarNode && !YamlValues.isNull(node) ? ((ScalarNode) node).getValue() : null;
        if (name == null || !SweepSpec.NAME.matcher(name).matches() || name.length() > SweepSpec.MAX_NAME_LENGTH) {
            String slug =
                    name == null ? "my-sweep" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
            problems.at(
                    node,
                    "name",
                    (name == null ? "found " + ParamReader.kind(node) : "\"" + name + "\" is not allowed")
                            + "; expected lower-case letters, digits and '-', at most " + SweepSpec.MAX_NAME_LENGTH
                            + " characters. Try name: " + (slug.isEmpty() ? "my-sweep" : slug) + ".");
            return null;
        }
        return name;
    }

    private String description(NodeTuple tuple) {
        if (tuple == null || YamlValues.isNull(tuple.getValueNode())) {
            return "";
        }
        if (!(tuple.getValueNode() instanceof ScalarNode scalar)) {
            problems.at(
                    tuple.getValueNode(),
                    "description",
                    "expected text, found " + ParamReader.kind(tuple.getValueNode()) + ".");
            return "";
        }
        return scalar.getValue();
    }

    private Map<String, SourceValue> base(NodeTuple tuple) {
        if (tuple == null || YamlValues.isNull(tuple.getValueNode())) {
            return Map.of();
        }
        if (!(tuple.getValueNode() instanceof MappingNode mapping)) {
            problems.at(
                    tuple.getValueNode(),
                    "base",
                    "expected a mapping of parameter: value, found " + ParamReader.kind(tuple.getValueNode()) + ".");
            return Map.of();
        }
        return params.singleValues(mapping, "base");
    }

    private List<Exclusion> exclusions(NodeTuple tuple) {
        List<Exclusion> exclusions = new ArrayList<>();
        if (tuple == null) {
            return exclusions;
        }
        Node node = tuple.getValueNode();
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problems.at(
                    node,
                    "exclude",
                    "expected a non-empty list of mappings, e.g. exclude: [{optimizer: adam, nesterov: true}]; found "
                            + (node instanceof SequenceNode ? "an empty list" : ParamReader.kind(node))
                            + ". Remove exclude: if nothing is excluded.");
            return exclusions;
        }
        List<Node> entries = sequence.getValue();
        for (int i = 0; i < entries.size(); i++) {
            Node entry = entries.get(i);
            String path = "exclude[" + i + "]";
            if (!(entry instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
                problems.at(
                        entry,
                        path,
                        "expected a non-empty mapping of parameter: value, found " + ParamReader.kind(entry) + ".");
                continue;
            }
            Map<String, SourceValue> match = params.singleValues(mapping, path);
            if (match.size() == mapping.getValue().size()) {
                exclusions.add(new Exclusion(i, entry.getStartMark().getLine() + 1, match));
            }
        }
        return exclusions;
    }
}
