package dev.arraysweep.orchestrator.plot;

import dev.arraysweep.orchestrator.results.Group;
import dev.arraysweep.orchestrator.results.Grouping;
import dev.arraysweep.orchestrator.results.SweepResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds and writes every figure of a sweep: per group the panel figure and, where there is a filter, the sampler figure, and where there are importance sampler figures, the importance figure. */
public final class Plots {
    private Plots() {}

    /**
     * A figure ready to be written.
     *
     * @param file where it goes
     * @param group the group it shows
     * @param grid its charts
     */
    public record Planned(Path file, Group group, ChartGrid grid) {}

    /** {@return every figure of a sweep's results, built but not rendered} */
    public static List<Planned> plan(SweepResults results, Path dir, Band band) {
        List<Planned> out = new ArrayList<>();
        for (Group g : Grouping.of(results)) {
            out.add(new Planned(
                    FigureFiles.panel(dir, results.sweep(), g), g, PanelFigure.of(results.sweep(), g, band)));
            if (SamplerFigure.applies(g)) {
                out.add(new Planned(
                        FigureFiles.sampler(dir, results.sweep(), g), g, SamplerFigure.of(results.sweep(), g, band)));
            }
            if (ImportanceFigure.applies(g)) {
                out.add(new Planned(
                        FigureFiles.importance(dir, results.sweep(), g),
                        g,
                        ImportanceFigure.of(results.sweep(), g, band)));
            }
        }
        return out;
    }

    /** Renders and writes planned figures; {@return the files written, in order} */
    public static List<Path> write(List<Planned> figures) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Planned p : figures) {
            p.grid().writePng(p.file());
            written.add(p.file());
        }
        return written;
    }
}
