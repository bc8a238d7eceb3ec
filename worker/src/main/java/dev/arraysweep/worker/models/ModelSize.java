package dev.arraysweep.worker.models;

/**
 * A model name with its number of trainable parameters for one input geometry.
 *
 * @param name the model name as {@link Models#build} accepts it
 * @param trainableParameters parameters that receive gradients (BatchNorm running statistics excluded)
 */
public record ModelSize(String name, long trainableParameters) {}
