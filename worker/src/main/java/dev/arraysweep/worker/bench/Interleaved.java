package dev.arraysweep.worker.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Runs contenders in interleaved rounds: round 1 of each, then round 2 of each, and so on. */
final class Interleaved {
    private Interleaved() {}

    /**
     * {@return each contender's stretches, one per round, by name}; {@code afterRound} is told each round's
     * stretches as they come (for progress lines)
     */
    static Map<String, List<Stretch>> run(
            Map<String, Contender> contenders,
            int rounds,
            int steps,
            BiConsumer<Integer, Map<String, Stretch>> afterRound) {
        Map<String, List<Stretch>> out = new LinkedHashMap<>();
        contenders.keySet().forEach(k -> out.put(k, new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
            Map<String, Stretch> round = new LinkedHashMap<>();
            for (Map.Entry<String, Contender> c : contenders.entrySet()) {
                Stretch s = c.getValue().run(steps);
                out.get(c.getKey()).add(s);
                round.put(c.getKey(), s);
            }
            afterRound.accept(r, round);
        }
        return out;
    }
}
