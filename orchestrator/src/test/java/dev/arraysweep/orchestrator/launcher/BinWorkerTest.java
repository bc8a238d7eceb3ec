package dev.arraysweep.orchestrator.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/worker} as a user types it: the bench on a tiny size, and its answer to a bad flag. */
class BinWorkerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    static BinScripts bin;

    @TempDir
    Path dir;

    @BeforeAll
    static void jars() throws Exception {
        bin = BinScripts.built(shared.resolve("build"));
    }

    /** No time is asserted: only that every figure the bench promises (BENCHMARKS.md) is there and sane. */
    @Test
    void bench_onATinySize_printsAndWritesEveryPromisedFigure() throws Exception {
        BinScripts.Result r = bin.worker(
                dir,
                "bench",
                "--model",
                "fcnet16",
                "--batch",
                "8",
                "--steps",
                "2",
                "--rounds",
                "2",
                "--no-sizing",
                "--out",
                "bench.json");
        assertThat(r.code()).as(r.describe()).isZero();
        JsonNode report = JSON.readTree(r.out()); // the JSON alone on stdout: progress goes to stderr
        assertThat(JSON.readTree(Files.readString(dir.resolve("bench.json")))).isEqualTo(report);
        assertThat(r.err()).contains("bench fcnet16 round 1: plain ").contains("bench fcnet16 round 2: selection");

        assertThat(report.path("machine").path("device").asText()).isEqualTo("cpu()");
        assertThat(report.path("machine").path("engine").asText())
                .contains("PyTorch")
                .contains("DJL");
        assertThat(report.path("machine").path("cores").asInt()).isPositive();
        assertThat(report.path("peak_host_memory_bytes").asLong()).isPositive();
        assertThat(report.has("raw_batch_sizing")).as("--no-sizing").isFalse();

        assertThat(report.path("models")).hasSize(1);
        JsonNode model = report.path("models").path(0);
        assertThat(model.path("model").asText()).isEqualTo("fcnet16");
        assertThat(model.path("input").asText()).isEqualTo("1x32x32");
        assertThat(model.path("trainable_parameters").asLong()).isEqualTo(32 * 32 * 16 + 16 + 16 * 10 + 10);
        assertThat(model.path("batch").asInt()).isEqualTo(8);
        assertThat(model.path("steps_per_round").asInt()).isEqualTo(2);
        assertThat(model.path("rounds").asInt()).isEqualTo(2);

        JsonNode training = model.path("training_step");
        for (String figure : List.of("plain_djl_images_per_s", "own_loop_images_per_s", "own_over_plain")) {
            assertSummary(training.path(figure), figure);
        }
        // process CPU time advances in scheduler ticks: a 2-step round may read as 0 on either side
        JsonNode byCpu = training.path("own_over_plain_by_cpu_time");
        assertThat(byCpu.path("n").asInt()).isEqualTo(2);
        assertThat(byCpu.path("median").asDouble()).isNotNegative();
        assertThat(training.path("target_own_over_plain_at_least").asDouble()).isEqualTo(0.9);
        assertThat(training.path("target_met").isBoolean()).isTrue();

        JsonNode filter = model.path("batch_filter_fixed_acceptance");
        assertSummary(filter.path("archetype_ms_per_trained_image"), "archetype_ms_per_trained_image");
        for (String acceptance : List.of("acceptance_1.0", "acceptance_0.5", "acceptance_0.25")) {
            JsonNode at = filter.path(acceptance);
            assertSummary(at.path("ms_per_trained_image"), acceptance);
            assertSummary(at.path("over_archetype"), acceptance);
            // 1 + (judging time per image) / acceptance / (archetype time per image): above 1 by construction
            assertThat(at.path("selection_forwards_alone_over_archetype").asDouble())
                    .as(acceptance)
                    .isGreaterThan(1.0);
        }
        assertSummary(filter.path("acceptance_0.5_adaptive_raw_batch").path("over_archetype"), "adaptive");
        assertThat(filter.path("target_met").isBoolean()).isTrue();

        JsonNode selection = model.path("selection_forward");
        assertThat(selection.path("raw_batch").asInt()).isEqualTo(8);
        for (String figure : List.of(
                "plain_no_grad_forward_images_per_s",
                "judge_hard_filter_images_per_s",
                "judge_every_part_images_per_s",
                "judge_over_plain_forward")) {
            assertSummary(selection.path(figure), figure);
        }

        JsonNode evaluation = model.path("evaluation");
        assertThat(evaluation.path("epochs_measured").asInt())
                .isEqualTo(2); // 1 + min(rounds, 3) epochs, less the first
        assertThat(evaluation.path("eval_over_train").asDouble()).isPositive();
        assertThat(evaluation.path("projected").path("dataset").asText())
                .isEqualTo("fashion-mnist (60000 train, 10000 test)");
        assertThat(evaluation
                        .path("projected")
                        .path("epoch_seconds_eval_train_every_1")
                        .asDouble())
                .isPositive();
    }

    @Test
    void bench_withANonPositiveFlag_exits2_namingTheFlag() throws Exception {
        BinScripts.Result r = bin.worker(dir, "bench", "--rounds", "0");
        assertThat(r.code()).as(r.describe()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("worker bench: --rounds expects a positive whole number, not '0'\n");
        assertThat(r.out()).isEmpty();
    }

    /** A figure measured in every round: its median and spread over exactly the requested 2 rounds. */
    private static void assertSummary(JsonNode summary, String what) {
        assertThat(summary.path("n").asInt()).as(what + " n").isEqualTo(2);
        assertThat(summary.path("median").asDouble()).as(what + " median").isPositive();
        assertThat(summary.path("min").asDouble())
                .as(what + " min")
                .isLessThanOrEqualTo(summary.path("median").asDouble())
                .isLessThanOrEqualTo(summary.path("max").asDouble());
    }
}
