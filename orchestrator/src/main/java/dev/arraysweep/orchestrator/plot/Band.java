package dev.arraysweep.orchestrator.plot;

/** What the shaded band around a mean line over seeds shows. */
public enum Band {
    /** From the smallest to the largest value of the seeds. */
    MIN_MAX("min–max over seeds"),
    /** The mean ± one sample standard deviation. */
    STD("±1 standard deviation over seeds");

    private final String description;

    Band(String description) {
        this.description = description;
    }

    /** {@return what the band shows, for figure titles} */
    String description() {
        return description;
    }
}
