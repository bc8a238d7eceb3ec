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
 * {@code sbatch} numbers jobs from 100; {@code sacct} answers as without accounting storage (slurmdbd).
 */
final class FakeSlurm {
    /**
     * The answer of {@code squeue -j IDS}: the lines of OUT for those jobs; like the real one (checked in
     * {@code RealSlurmTest}), it exits 1 with "Invalid job id specified" when asked about one job it does not
     * know, and prints nothing for several unknown ones.
     */
    private static final String SQUEUE =
            """
            ids=
            while [ $# -gt 0 ]; do [ "$1" = -j ] && ids=$2; shift; done
            found=
            if [ -f OUT ]; then
              while IFS= read -r line; do
                job=${line%%|*}; job=${job%%_*}
                case ",$ids," in *",$job,"*) echo "$line"; found=1 ;; esac
              done < OUT
            fi
            if [ -z "$found" ] && [ "${ids#*,}" = "$ids" ]; then
              echo 'slurm_load_jobs error: Invalid job id specified' >&2; exit 1
            fi
            exit 0
            """;

    private final Path dir;

    FakeSlurm(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        String d = dir.toString();
        script(
                bin.resolve("sbatch"),
                "echo \"$@\" >> " + d + "/sbatch.log\n"
                        + "n=$(cat " + d + "/next 2>/dev/null || echo 100); echo $((n + 1)) > " + d + "/next\n"
                        + "echo \"$n;localci\"\n");
        script(
                bin.resolve("squeue"),
                "echo \"$@\" >> " + d + "/squeue.log\n" + SQUEUE.replace("OUT", d + "/squeue.out"));
        script(bin.resolve("scontrol"), "cat " + d + "/config 2>/dev/null\nexit 0\n");
        script(bin.resolve("scancel"), "echo \"$@\" >> " + d + "/scancel.log\n");
        script(bin.resolve("sacct"), "echo 'Slurm accounting storage is disabled' >&2\nexit 1\n");
    }

    /** {@return the folder of the stand-ins} */
    Path bin() {
        return dir.resolve("bin");
    }

    /** {@return an environment whose PATH finds these stand-ins first} */
    Map<String, String> env() {
        return Map.of("PATH", bin() + ":/usr/bin:/bin", "ARRAYSWEEP_WORKER_CLASSPATH", "/opt/arraysweep/worker.jar");
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
