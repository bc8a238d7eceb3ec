/**
 * PyTorch-exact optimisers and per-epoch learning-rate schedules.
 *
 * <p>DJL's own {@code Sgd} and {@code Adam} differ from PyTorch (the learning rate lives inside the
 * momentum buffer, no Nesterov, no AMSGrad) and cannot save their state, so this package updates
 * the parameter arrays itself with the formulas of {@code torch.optim.SGD} and {@code
 * torch.optim.Adam}. Every update runs in place, with autograd off, inside a sub-manager that is
 * closed after the step, so a training run does not grow. After a step the gradients are zero:
 * DJL's {@code GradientCollector} does not reset them.
 *
 * <p>Optimiser state (buffers and step count) is saved with {@link
 * dev.arraysweep.worker.optim.Optimizer#saveState()} and restored with {@link
 * dev.arraysweep.worker.optim.Optimizer#restoreState(byte[])}; a restored optimiser continues
 * exactly as the original would have.
 */
package dev.arraysweep.worker.optim;
