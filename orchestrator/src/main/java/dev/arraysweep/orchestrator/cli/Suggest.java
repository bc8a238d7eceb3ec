package dev.arraysweep.orchestrator.cli;

import dev.arraysweep.db.params.DidYouMean;
import java.util.Collection;

/** "Did you mean" hints for mistyped command, flag and sweep names (the parameter registry's matcher). */
final class Suggest {
    private Suggest() {
    }

    static String didYouMean(String typed, Collection<String> valid) {
        return DidYouMean.closest(typed, valid).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }
}
