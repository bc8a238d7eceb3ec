package dev.arraysweep.orchestrator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Stand-ins for {@code sbatch}, {@code squeue}, {@code scontrol}, {@code scancel} and {@code sacct} as shell
 * scripts in a folder to put first on PATH: they log their arguments and answer from files the test writes.
 * {@code sbatch} numbers jobs from 100.
 */
final class FakeSlurm {
    private final Path dir;

    FakeSlurm(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        String d = dir.toString();
        script(bin.resolve("sbatch"), "echo \"$@\" >> " + d + "/sbatch.log\n"
                + "n=$(cat " + d + "/next 2>/dev/null || echo 100); echo $((n + 1)) > " + d + "/next\n"
                + "echo \"$n;localci\"\n");
        script(bin.resolve("squeue"), "echo \"$@\" >> " + d + "/squeue.log\ncat " + d + "/squeue.out 2>/dev/null\n"
                + "exit 0\n");
        script(bin.resolve("scontrol"), "cat " + d + "/config 2>/dev/null\nexit 0\n");
        script(bin.resolve("scancel"), "echo \"$@\" >> " + d + "/scancel.log\n");
        script(bin.resolve("sacct"), "echo 'sacct: error: Slurm accounting storage is disabled' >&2\nexit 1\n");
    }

    /** {@return an environment whose PATH finds these stand-ins first} */
    Map<String, String> env() {
        return Map.of("PATH", dir.resolve("bin") + ":/usr/bin:/bin",
                "ARRAYSWEEP_WORKER_CLASSPATH", "/opt/arraysweep/worker.jar");
    }

    /** Makes squeue answer with these {@code %i|%T|%N} lines. */
    void squeue(String... lines) throws IOException {
        Files.writeString(dir.resolve("squeue.out"), String.join("\n", lines) + "\n");
    }

    /** Makes {@code scontrol show config} report this MaxArraySize. */
    void maxArraySize(int n) throws IOException {
        Files.writeString(dir.resolve("config"), "ClusterName = localci\nMaxArraySize = " + n + "\n");
    }

    List<String> log(String program) throws IOException {
        Path f = dir.resolve(program + ".log");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
