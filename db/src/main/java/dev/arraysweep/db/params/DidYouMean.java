package dev.arraysweep.db.params;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finds the closest valid name to a mistyped one, by edit distance, for "did you mean" hints. */
public final class DidYouMean {
    /**
     * Names people bring from other tools, which no edit distance finds: PyTorch's {@code cuda}, "last" for the
     * final epoch, a model family without its size. Keys are folded ({@link #fold}); a synonym is offered only
     * where it is one of the candidates.
     */
    private static final Map<String, List<String>> SYNONYMS = Map.of(
            "cuda", List.of("gpu"),
            "last", List.of("final"),
            "latest", List.of("final"),
            "end", List.of("final"),
            "fcnet", List.of("fcnet100"),
            "mlp", List.of("fcnet100"),
            "resnet", List.of("resnet18"),
            "fmnist", List.of("fashion-mnist"));

    private DidYouMean() {}

    /**
     * {@return the candidate closest to {@code input}, if it is close enough to be a plausible typo}
     *
     * <p>Comparison ignores case and treats {@code -} like {@code _}. A candidate is close enough
     * when at most a third of the longer name (and at least one character, at most two for short
     * names) must change; ties go to the earlier candidate.
     */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        String needle = fold(input);
        for (String meant : SYNONYMS.getOrDefault(needle, List.of())) {
            if (candidates.contains(meant)) {
                return Optional.of(meant);
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(needle, fold(candidate));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.max(2, Math.max(needle.length(), best.length()) / 3);
        return bestDistance <= allowed && bestDistance < Math.max(needle.length(), 1)
                ? Optional.of(best)
                : Optional.empty();
    }

    /** {@return " (did you mean 'NAME'?)" for the closest candidate, or "" when none is close} */
    public static String hint(String input, Collection<String> candidates) {
        return closest(input, candidates)
                .map(s -> " (did you mean '" + s + "'?)")
                .orElse("");
    }

    /** {@return the Levenshtein distance: insertions, deletions and substitutions turning a into b} */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', '_');
    }
}
