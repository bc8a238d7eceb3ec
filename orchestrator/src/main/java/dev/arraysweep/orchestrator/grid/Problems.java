package dev.arraysweep.orchestrator.grid;

import dev.arraysweep.db.ExitException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the mistakes found in one sweep file so they are reported together, each with file:line:column and key. */
final class Problems {
    private final String file;
    private final List<String> messages = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void at(Node node, String key, String message) {
        at(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, key, message);
    }

    void at(int line, int column, String key, String message) {
        messages.add(file + ":" + line + ":" + column + ": " + key + ": " + message);
    }

    void general(String message) {
        messages.add(file + ": " + message);
    }

    void throwIfAny() {
        if (!messages.isEmpty()) {
            throw ExitException.badInput(render(file, messages));
        }
    }

    static String render(String file, List<String> messages) {
        if (messages.size() == 1) {
            return messages.get(0);
        }
        return messages.size() + " problems in " + file + ":\n" + String.join("\n", messages);
    }
}
