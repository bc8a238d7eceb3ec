package dev.arraysweep.worker.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.db.params.ParamDef;
import dev.arraysweep.db.params.ParamException;
import dev.arraysweep.db.params.ParamType;
import dev.arraysweep.db.params.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every registry parameter reaches the worker's spec, and every choice enum spells the registry's names. */
class SpecReadsTest {
    /** Runs that, between them, switch on every parameter of the registry. */
    private static final List<Map<String, Object>> RUNS = List.of(
            Map.of(), // cifar10, SGD, batch filter: the thesis defaults
            Map.of(
                    "optimizer",
                    "adam",
                    "lr_scheduler",
                    "multistep",
                    "epoch_filtering",
                    true,
                    "filter_kind",
                    "soft",
                    "selector",
                    "q-split",
                    "sampler",
                    "importance",
                    "score",
                    "running-loss",
                    "importance_weights",
                    "inverse-probability"),
            Map.of("dataset", "mnist", "sampler", "weighted", "weights_file", "w.txt"),
            Map.of("selector", "loss-weighted", "loss_weighting", "rank", "power_decay", "linear"),
            Map.of("batch_mode", "vary", "filter_kind", "soft", "selector", "top-k", "soft_top_k", "thesis"),
            Map.of("sampler", "weighted", "weights_file", "w.txt", "replacement", true, "classes", 5, "per_class", 9),
            Map.of(
                    "train_subset",
                    100,
                    "early_stopping_patience",
                    3,
                    "early_stopping_metric",
                    "test-accuracy",
                    "keep_best",
                    "test-loss"));

    private static List<SpecReader> readers() throws ParamException {
        List<SpecReader> readers = new ArrayList<>();
        for (Map<String, Object> run : RUNS) {
            SpecReader reader = new SpecReader(Params.normalize(run));
            RunSpec.from(reader);
            readers.add(reader);
        }
        return readers;
    }

    @Test
    void everyRegistryParameter_isReadIntoTheSpec() throws ParamException {
        Set<String> read = new LinkedHashSet<>();
        readers().forEach(r -> read.addAll(r.read()));

        Set<String> unread = new LinkedHashSet<>(Params.names());
        unread.removeAll(read);
        assertThat(unread)
                .as("registry parameters no spec record reads: read each in the record of its concern in"
                        + " dev.arraysweep.worker.spec (docs/adding-a-parameter.md), and switch it on in RUNS")
                .isEmpty();
    }

    @Test
    void everyChoiceEnum_spellsTheRegistryChoices() throws ParamException {
        Map<String, Class<? extends Enum<?>>> enums = new LinkedHashMap<>();
        readers().forEach(r -> enums.putAll(r.choices()));

        assertThat(enums.keySet())
                .as("every choice parameter but model (a pattern, read as a string) is an enum")
                .containsExactlyInAnyOrderElementsOf(Params.all().stream()
                        .filter(d -> d.type() == ParamType.CHOICE && !d.name().equals("model"))
                        .map(ParamDef::name)
                        .toList());
        enums.forEach((name, type) -> assertThat(Choices.names(type))
                .as("constants of %s for parameter %s", type.getName(), name)
                .containsExactlyElementsOf(
                        Params.find(name).orElseThrow().constraint().choices()));
    }
}
