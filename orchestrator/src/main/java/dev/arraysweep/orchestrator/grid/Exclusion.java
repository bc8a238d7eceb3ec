package dev.arraysweep.orchestrator.grid;

import java.util.Map;

/**
 * An {@code exclude:} entry: a combination is dropped when every one of its keys matches.
 *
 * <p>A key that the combination writes (in base, grid, zip or seeds) is compared with the written
 * value, before normalisation, so {@code {optimizer: adam, nesterov: true}} drops what the grid
 * produced even though normalisation would remove {@code nesterov} from the adam run. A key the
 * combination does not write is compared with the normalised run: its default, or no match when the
 * parameter does not apply.
 *
 * @param index the 0-based position in the {@code exclude:} list
 * @param line the 1-based line of the entry
 * @param match the values to match, canonical, by parameter name
 */
public record Exclusion(int index, int line, Map<String, SourceValue> match) {
    public Exclusion {
        match = Map.copyOf(match);
        if (match.isEmpty()) {
            throw new IllegalArgumentException("an exclusion needs at least one key");
        }
    }
}
