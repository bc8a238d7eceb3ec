package dev.arraysweep.worker.bench;

import dev.arraysweep.worker.sampling.Batch;
import dev.arraysweep.worker.sampling.SampleSource;
import dev.arraysweep.worker.sampling.SamplingStrategy;
import dev.arraysweep.worker.sampling.StatelessDecorator;

/** Passes everything to a run's strategy and counts the steps it hands out and the samples in them. */
final class CountingStrategy extends StatelessDecorator {
    private long steps;
    private long samples;

    CountingStrategy(SamplingStrategy inner) {
        super(inner);
    }

    long steps() {
        return steps;
    }

    long samples() {
        return samples;
    }

    @Override
    public Batch nextStep(SampleSource source) {
        Batch b = inner.nextStep(source);
        if (b != null) {
            steps++;
            samples += b.size();
        }
        return b;
    }
}
