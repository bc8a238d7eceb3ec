package dev.arraysweep.db.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    @Test
    void distance_countsEdits() {
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("same", "same")).isZero();
    }

    @Test
    void closest_findsTyposButNotStrangers() {
        List<String> names = List.of("batch_size", "batch_filtering", "learning_rate");

        assertThat(DidYouMean.closest("batchsize", names)).contains("batch_size");
        assertThat(DidYouMean.closest("Learning-Rate", names)).contains("learning_rate");
        assertThat(DidYouMean.closest("optimizer", names)).isEmpty();
        assertThat(DidYouMean.closest("x", List.of("k"))).isEmpty();
    }
}
