package dev.arraysweep.db.model;

/**
 * The importance sampler's own figures of one epoch (seed 002, appendix B, l.187-197, figures 4-5: the
 * distribution of the scores; the weights behind eq. 1-2). The seed draws the whole distribution; these are its
 * five-number summary, and the weight figures are ours (the seed records none).
 *
 * <p>The score quantiles are over all N samples' scores at the end of the epoch (after its score updates),
 * with linear interpolation (numpy's default). The weight figures are over the epoch's m draws, each draw
 * counted once (a sample drawn twice with replacement counts twice), with the weight its loss carries.
 *
 * @param weightMax the largest weight of a draw; null in warm-up epochs, which draw nothing (every weight 1)
 * @param weightEss the effective sample size of the draws' weights, {@code (sum w)^2 / sum w^2}; null as
 *     {@code weightMax}
 */
public record ImportanceFigures(
        double scoreMin,
        double scoreQ10,
        double scoreQ50,
        double scoreQ90,
        double scoreMax,
        Double weightMax,
        Double weightEss) {}
