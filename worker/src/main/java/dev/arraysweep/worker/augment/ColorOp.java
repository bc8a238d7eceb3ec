package dev.arraysweep.worker.augment;

/** One of the four adjustments of a colour jitter. */
public enum ColorOp {
    BRIGHTNESS,
    CONTRAST,
    SATURATION,
    HUE
}
