package dev.arraysweep.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.orchestrator.slurm.CommandLineSlurm;
import dev.arraysweep.orchestrator.slurm.SlurmTestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FakeSlurm}'s {@code squeue} and {@code sacct} answer the questions arraysweep asks as the test Slurm's
 * real tools do: same exit status, same lines, the same error text.
 */
class FakeSlurmMatchesRealTest {
    @TempDir
    Path tmp;

    @Test
    void squeueAndSacct_answerLikeTheRealOnes() throws Exception {
        CommandLineSlurm real = SlurmTestCluster.require();
        String job = SlurmTestCluster.run("sbatch", "--parsable", "--array=0-1", "-o", "/dev/null", "--wrap=true")
                .strip()
                .split(";")[0];
        SlurmTestCluster.awaitFinished(real, job, Duration.ofSeconds(60));
        String never = SlurmTestCluster.NEVER_A_JOB;
        String other = Long.toString(Long.parseLong(never) + 1);
        FakeSlurm fake = new FakeSlurm(tmp.resolve("slurm"));
        fake.squeue(SlurmTestCluster.run("squeue", "-h", "-r", "-t", "all", "-j", job, "-o", "%i|%T|%N")
                .split("\n"));

        for (String ids : List.of(job, never, never + "," + other, job + "," + never)) {
            String[] question = {"squeue", "-h", "-r", "-t", "all", "-j", ids, "-o", "%i|%T|%N"};
            SlurmTestCluster.Answer truth = ask(null, question);
            assertThat(ask(fake, question)).as("squeue -j " + ids).isEqualTo(truth);
        }
        assertThat(ask(null, "squeue", "-h", "-r", "-t", "all", "-j", job, "-o", "%i|%T|%N")
                        .out())
                .as("the real answer the fake was given")
                .contains(job + "_0|COMPLETED|", job + "_1|COMPLETED|");
        String[] sacct = {"sacct", "-n", "-X", "-P", "-j", job, "-o", "JobID,State,NodeList"};
        assertThat(ask(fake, sacct)).isEqualTo(ask(null, sacct));
    }

    /**
     * {@return what {@code command} answers, its lines sorted (squeue's order varies from one question to the
     * next): the fake's tool when {@code fake} is given, else the real one}
     */
    private static SlurmTestCluster.Answer ask(FakeSlurm fake, String... command) throws Exception {
        String[] cmd = command.clone();
        if (fake != null) {
            cmd[0] = fake.bin().resolve(command[0]).toString();
        }
        SlurmTestCluster.Answer a = SlurmTestCluster.ask(cmd);
        return new SlurmTestCluster.Answer(
                a.exit(), a.out().lines().sorted().toList().toString(), a.err());
    }
}
