package dev.arraysweep.orchestrator.results;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One run of a sweep with its parameters and its metric rows per split, ordered by epoch.
 *
 * @param id the run's id in the database
 * @param index the run's array index
 * @param state the run's state ({@code done}, {@code running}, ...)
 * @param params the run's canonical parameters by name
 * @param train rows of the (un-augmented) training set, by epoch; epochs without a train evaluation are absent
 * @param test rows of the test set, by epoch
 */
public record RunData(
        long id, int index, String state, SortedMap<String, Object> params, List<EpochRow> train, List<EpochRow> test) {
    public RunData {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /** {@return the run's seed (0 when the parameters do not say)} */
    public int seed() {
        return params.get("seed") instanceof Number n ? n.intValue() : 0;
    }

    /**
     * {@return whether early stopping ended the run: it is done, has {@code early_stopping_patience}, and its last
     * test row is before its last epoch}
     */
    public boolean stoppedEarly() {
        return "done".equals(state)
                && params.get("early_stopping_patience") != null
                && params.get("epochs") instanceof Number epochs
                && !test.isEmpty()
                && test.get(test.size() - 1).epoch() < epochs.intValue() - 1;
    }

    /** {@return the test row of {@code epoch}} */
    public Optional<EpochRow> testAt(int epoch) {
        return test.stream().filter(r -> r.epoch() == epoch).findFirst();
    }

    /** {@return the latest train row at or before {@code epoch} (train evaluation may skip epochs)} */
    public Optional<EpochRow> trainAtOrBefore(int epoch) {
        EpochRow found = null;
        for (EpochRow r : train) {
            if (r.epoch() <= epoch) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }
}
