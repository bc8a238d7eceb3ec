package dev.arraysweep.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.testkit.Checkout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.cli.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help, version and wrong flags of every worker command (none of these loads the engine). */
class WorkerHelpTest {
    private record Result(int code, String out, String err) {}

    private static Result worker(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = WorkerMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@return the root pom's revision property: the one place the version is written} */
    private static String pomRevision() throws Exception {
        Path root = Checkout.find("bin/worker").orElseThrow().getParent().getParent();
        Matcher m = Pattern.compile("<revision>([^<]+)</revision>").matcher(Files.readString(root.resolve("pom.xml")));
        assertThat(m.find()).as("root pom.xml has a <revision> property").isTrue();
        return m.group(1).strip();
    }

    @Test
    void everyCommandIsListed() {
        assertThat(WorkerMain.COMMANDS.keySet()).containsExactly("run", "models", "doctor", "bench", "help", "version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "models", "doctor", "bench", "help", "version"})
    void helpFlag_printsTheCommandsUsageAndEveryOption_andExits0(String cmd) {
        for (String flag : List.of("--help", "-h")) {
            Result r = worker(cmd, flag);
            assertThat(r.code()).as(cmd + " " + flag + ": " + r.err()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).startsWith("usage: worker " + cmd).contains("options:");
            for (Option o : WorkerMain.COMMANDS.get(cmd).options().getOptions()) {
                assertThat(r.out()).contains("--" + o.getLongOpt());
            }
        }
    }

    @Test
    void runHelp_namesItsFlagsWithTheirValues_evenWithoutTheRequiredSweep() {
        Result r = worker("run", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("--sweep NAME")
                .contains("--index N")
                .contains("$SLURM_ARRAY_TASK_ID")
                .contains("--workdir DIR")
                .contains("--db URL")
                .contains("-h, --help");
        assertThat(worker("models", "--help").out()).contains("--dataset D").contains("fcnet<N>");
        assertThat(worker("bench", "--help").out())
                .contains("--device cpu|gpu")
                .contains("--model M,...")
                .contains("--no-sizing")
                .contains("--out FILE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "models", "doctor", "bench", "help", "version"})
    void helpCmd_printsTheSameAsCmdHelp(String cmd) {
        Result viaHelp = worker("help", cmd);
        assertThat(viaHelp.code()).isZero();
        assertThat(viaHelp.out()).isEqualTo(worker(cmd, "--help").out());
        assertThat(worker("--help", cmd).out()).isEqualTo(viaHelp.out());
    }

    @Test
    void help_listsEveryCommandWithItsSummary() {
        for (String[] args :
                List.of(new String[] {"help"}, new String[] {"--help"}, new String[] {"-h"}, new String[0])) {
            Result r = worker(args);
            assertThat(r.code()).isZero();
            for (CommandHelp h : WorkerMain.COMMANDS.values()) {
                assertThat(r.out())
                        .contains("  " + h.name() + " ")
                        .contains(h.summary().substring(0, 20));
            }
            assertThat(r.out()).contains("worker help COMMAND").contains("--version");
        }
    }

    @Test
    void helpForAnUnknownCommand_exits2_listingTheCommands() {
        Result r = worker("help", "train");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no command 'train'").contains("run, models, doctor, bench, help, version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "models", "doctor", "bench", "version"})
    void unknownFlag_exits2_namingItAndWhereToLook(String cmd) {
        Result r = worker(cmd, "--no-such-flag");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .startsWith("worker " + cmd + ": unknown option '--no-such-flag'")
                .contains("usage: worker " + cmd)
                .contains("see 'worker " + cmd + " --help'")
                .doesNotContain("Exception");
    }

    @Test
    void strayArgumentsAndMissingValues_exit2() {
        assertThat(worker("doctor", "now").err()).contains("worker doctor: unexpected argument 'now'");
        assertThat(worker("models", "--dataset").err()).contains("worker models: --dataset expects a value");
        Result missing = worker("run");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("worker run: missing --sweep").contains("see 'worker run --help'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "--verbose"})
    void unknownCommandOrTopLevelFlag_exits2_listingTheCommands(String word) {
        Result r = worker(word);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .contains("'" + word + "'")
                .contains("run, models, doctor, bench, help, version")
                .contains("worker help");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V", "version"})
    void version_isThePomsRevision(String arg) throws Exception {
        Result r = worker(arg);
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("arraysweep worker " + pomRevision() + System.lineSeparator());
    }

    @Test
    void wrap_breaksAtSpacesAndIndentsUnderTheFirstLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String word = "x".repeat(45);
        CommandHelp.wrap(out, "  --a  ", word + " " + word + " " + word);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("  --a  " + word + " " + word + System.lineSeparator() + "       " + word
                        + System.lineSeparator());
    }
}
