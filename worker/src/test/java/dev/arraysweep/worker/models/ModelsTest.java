package dev.arraysweep.worker.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.arraysweep.db.ExitException;
import dev.arraysweep.db.params.ParamException;
import dev.arraysweep.db.params.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelsTest {

    /** PyTorch's trainable parameter counts (shared/reference/pytorch-reference.json, kuangliu's models). */
    @ParameterizedTest(name = "{0} on {1}x32x32 with {2} classes has {3} trainable parameters")
    @CsvSource({
        "resnet18, 3, 10, 11173962",
        "resnet18, 3, 100, 11220132",
        "lenet, 3, 10, 62006",
        "lenet, 1, 10, 61706",
        "dla, 3, 10, 15060282",
        "simpledla, 3, 10, 15142970",
        "fcnet100, 3, 10, 308310",
        "fcnet3000, 3, 10, 9249010",
        "fcnet3000, 1, 10, 3105010",
    })
    void trainableParameterCount_equalsPyTorch(String name, int channels, int classes, long expected) {
        Block block = Models.build(name, channels, classes);

        assertThat(Models.trainableParameterCount(block, Models.inputShape(channels)))
                .isEqualTo(expected);
    }

    @Test
    void countingAnUninitialisedBlock_leavesItReadyForARealInitialisation() {
        Block block = Models.build("lenet", 1, 10);

        Models.trainableParameterCount(block, Models.inputShape(1));

        assertThat(block.isInitialized()).isFalse();
        try (NDManager manager = NDManager.newBaseManager()) {
            Models.initialize(block, manager, Models.inputShape(1), 1);
            assertThat(Models.trainableParameterCount(block)).isEqualTo(61706);
            assertThat(block.getParameters().valueAt(0).getArray().abs().sum().getFloat())
                    .isPositive();
        }
    }

    @Test
    void sizes_listEveryModelWithItsCount() {
        assertThat(Models.sizes(1, 10))
                .extracting(ModelSize::name)
                .containsExactly("resnet18", "lenet", "dla", "simpledla", "fcnet100", "fcnet3000");
        assertThat(Models.size("fcnet100", 1, 10)).isEqualTo(new ModelSize("fcnet100", 1024 * 100 + 100 + 1010));
    }

    @Test
    void namesAreCaseInsensitive() {
        assertThat(Models.size("ResNet18", 3, 10).trainableParameters()).isEqualTo(11173962);
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet50", "fcnet0", "fcnet-3", "fcnet", "fcnet12x"})
    void unknownName_listsTheValidNames(String name) {
        assertThatThrownBy(() -> Models.build(name, 3, 10))
                .isInstanceOfSatisfying(
                        ExitException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitException.BAD_INPUT))
                .hasMessage("unknown model '" + name + "': expected one of resnet18, lenet, dla, simpledla,"
                        + " fcnet<N> (N a positive integer, e.g. fcnet3000).");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "resnet18",
                "LeNet",
                "dla",
                "simpledla",
                "fcnet1",
                "fcnet100",
                "FCNET3000",
                "fcnet9999999",
                "fcnet10000000",
                "fcnet123456789",
                "fcnet0",
                "fcnet01",
                "fcnet-3",
                "fcnet",
                "fcnet12x",
                "resnet50",
                "lenet5",
                " lenet",
                ""
            })
    void registryAndModels_agreeOnEveryModelName(String name) {
        boolean registryAccepts;
        try {
            Params.coerce("model", name);
            registryAccepts = true;
        } catch (ParamException e) {
            registryAccepts = false;
        }
        boolean modelsAccept;
        try {
            Models.build(name.trim(), 3, 10);
            modelsAccept = true;
        } catch (ExitException e) {
            modelsAccept = false;
        }
        assertThat(modelsAccept)
                .as("Models accepts %s as the model parameter does", name)
                .isEqualTo(registryAccepts);
    }
}
