package dev.arraysweep.worker.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * A stand-in for {@code nvidia-smi} on a machine without a GPU: a shell script named {@code nvidia-smi} that writes
 * its arguments and pid next to itself, prints the lines it was given in the format {@code --query-gpu ...
 * --format=csv,noheader,nounits} prints, and then either repeats the last line until it is stopped, as
 * {@code --loop-ms} does, or exits with a given status, as the real one does without a driver.
 */
public final class StandInSmi {
    private final Path dir;

    private StandInSmi(Path dir) {
        this.dir = dir;
    }

    /** Writes a stand-in that prints {@code lines}, then repeats the last one every 50 ms until stopped. */
    public static StandInSmi looping(Path dir, List<String> lines) throws IOException {
        return write(dir, lines, "while true; do echo \"" + lines.get(lines.size() - 1) + "\"; sleep 0.05; done");
    }

    /** Writes a stand-in that prints {@code lines} and then waits, printing nothing more, until stopped. */
    public static StandInSmi quiet(Path dir, List<String> lines) throws IOException {
        return write(dir, lines, "exec sleep 60");
    }

    /** Writes a stand-in that prints {@code lines} and exits with {@code status}. */
    public static StandInSmi exiting(Path dir, List<String> lines, int status) throws IOException {
        return write(dir, lines, "exit " + status);
    }

    private static StandInSmi write(Path dir, List<String> lines, String then) throws IOException {
        Files.createDirectories(dir);
        StringBuilder script = new StringBuilder("#!/bin/bash\n");
        script.append("here=\"$(dirname \"$0\")\"\n");
        script.append("echo \"$@\" >> \"$here/args\"\n");
        script.append("echo $$ > \"$here/pid\"\n");
        for (String line : lines) {
            script.append("echo \"").append(line).append("\"\n");
        }
        script.append(then).append('\n');
        Path smi = dir.resolve("nvidia-smi");
        Files.writeString(smi, script);
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new StandInSmi(dir);
    }

    /** {@return the directory to put on PATH} */
    public Path dir() {
        return dir;
    }

    /** {@return the argument lines of every start so far} */
    public List<String> starts() throws IOException {
        Path args = dir.resolve("args");
        return Files.exists(args) ? Files.readAllLines(args) : List.of();
    }

    /** {@return the pid of the last start, if it started} */
    public Optional<Long> pid() throws IOException {
        Path pid = dir.resolve("pid");
        return Files.exists(pid)
                ? Optional.of(Long.parseLong(Files.readString(pid).trim()))
                : Optional.empty();
    }

    /** {@return whether the last started stand-in is still running} */
    public boolean running() throws IOException {
        return pid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }
}
