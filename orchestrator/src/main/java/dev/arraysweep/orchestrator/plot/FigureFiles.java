package dev.arraysweep.orchestrator.plot;

import dev.arraysweep.orchestrator.results.Group;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Every file name the plots use: {@code <sweep>-g<NN>-<group label>-panel.png} and {@code ...-sampler.png},
 * with the label reduced to letters, digits and dashes.
 */
final class FigureFiles {
    private static final int MAX_LABEL = 80;

    private FigureFiles() {}

    /** {@return the panel figure's file of a group} */
    static Path panel(Path dir, String sweep, Group group) {
        return dir.resolve(stem(sweep, group) + "-panel.png");
    }

    /** {@return the sampler figure's file of a group} */
    static Path sampler(Path dir, String sweep, Group group) {
        return dir.resolve(stem(sweep, group) + "-sampler.png");
    }

    /** {@return the importance figure's file of a group} */
    static Path importance(Path dir, String sweep, Group group) {
        return dir.resolve(stem(sweep, group) + "-importance.png");
    }

    private static String stem(String sweep, Group group) {
        String label = group.label()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9.]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (label.length() > MAX_LABEL) {
            label = label.substring(0, MAX_LABEL).replaceAll("-+$", "");
        }
        return String.format(Locale.ROOT, "%s-g%02d-%s", sweep, group.number(), label);
    }
}
