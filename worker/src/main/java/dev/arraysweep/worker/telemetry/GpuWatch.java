package dev.arraysweep.worker.telemetry;

import dev.arraysweep.db.model.GpuFigures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One {@code nvidia-smi} process that reports a GPU's utilisation, temperature, power draw and memory once a
 * second ({@code --query-gpu ... --loop-ms}) for as long as the run trains, read by a daemon thread; each
 * {@link #endEpoch()} takes the means of the readings since the previous one.
 *
 * <p>Nothing here can fail a run: where {@code nvidia-smi} is missing there is no watch; where it fails (no
 * driver, an unknown id) or prints what it should not, the figures stay empty and the run's log says why, once.
 */
public final class GpuWatch implements AutoCloseable {
    /** The fields asked for, in the order of each line. */
    static final String QUERY = "utilization.gpu,temperature.gpu,power.draw,memory.used";
    /** How often {@code nvidia-smi} reports. */
    static final int INTERVAL_MS = 1000;
    /** How long the first epoch waits for the first reading (nvidia-smi takes a moment to load NVML). */
    static final long FIRST_READING_WAIT_MS = 3000;

    private static final long MIB = 1024L * 1024L;

    private final Process process;
    private final String target;
    private final PrintStream log;
    private final Thread reader;
    private final Object lock = new Object();
    private final List<Reading> sinceLastEpoch = new ArrayList<>();
    private Reading latest;
    private String firstBadLine;
    private boolean ended;
    private boolean warned;
    private boolean firstTaken;

    /** One line of {@code nvidia-smi}'s output; a field the GPU does not report is null. */
    record Reading(Double utilization, Double temperature, Double power, Long memoryBytes) {}

    private GpuWatch(Process process, String target, PrintStream log) {
        this.process = process;
        this.target = target;
        this.log = log;
        this.reader = new Thread(this::read, "nvidia-smi reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * {@return a watch of GPU {@code target} (an {@code nvidia-smi --id}), or empty when {@code nvidia-smi} is not
     * on {@code path} or cannot be started} {@code log} gets a line should it fail later.
     */
    public static Optional<GpuWatch> start(String target, String path, PrintStream log) {
        Optional<Path> smi = find(path);
        if (smi.isEmpty()) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder(
                            smi.get().toString(),
                            "--query-gpu=" + QUERY,
                            "--format=csv,noheader,nounits",
                            "--id=" + target,
                            "--loop-ms=" + INTERVAL_MS)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            p.getOutputStream().close();
            return Optional.of(new GpuWatch(p, target, log));
        } catch (IOException e) {
            log.println("GPU figures stay empty: cannot start " + smi.get() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** {@return the first executable {@code nvidia-smi} in the directories of {@code path}} */
    static Optional<Path> find(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "nvidia-smi");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * {@return the means of the readings since the previous call, the latest reading (with 0 readings) when none
     * came since, or null when {@code nvidia-smi} has given none at all or has stopped} The first call waits a
     * moment for the first reading, so that a short first epoch is not left empty.
     */
    public GpuFigures endEpoch() {
        synchronized (lock) {
            if (!firstTaken) {
                firstTaken = true;
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FIRST_READING_WAIT_MS);
                while (latest == null && !ended) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            if (ended && sinceLastEpoch.isEmpty()) {
                if (!warned) {
                    warned = true;
                    log.println("GPU figures stay empty from here on: nvidia-smi --id=" + target + " stopped"
                            + exitText() + (firstBadLine == null ? "" : ": " + firstBadLine));
                }
                return null;
            }
            GpuFigures figures = mean(sinceLastEpoch, latest);
            sinceLastEpoch.clear();
            return figures;
        }
    }

    /**
     * Drops the readings taken so far (while the run loaded its data and model), keeping the latest: the first
     * epoch's figures then cover that epoch only.
     */
    public void startEpochs() {
        synchronized (lock) {
            sinceLastEpoch.clear();
        }
    }

    /** {@return the readings taken since the last {@link #endEpoch()}} */
    int readingsSinceLastEpoch() {
        synchronized (lock) {
            return sinceLastEpoch.size();
        }
    }

    private String exitText() {
        return process.isAlive() ? "" : " (exit " + process.exitValue() + ")";
    }

    /** {@return the means of {@code readings}, or {@code latest} alone when there are none (null if none either)} */
    static GpuFigures mean(List<Reading> readings, Reading latest) {
        if (readings.isEmpty()) {
            return latest == null
                    ? null
                    : new GpuFigures(
                            latest.utilization(), latest.temperature(), latest.power(), latest.memoryBytes(), 0);
        }
        Double memory = meanOf(readings.stream()
                .map(r -> r.memoryBytes() == null ? null : r.memoryBytes().doubleValue())
                .toList());
        return new GpuFigures(
                meanOf(readings.stream().map(Reading::utilization).toList()),
                meanOf(readings.stream().map(Reading::temperature).toList()),
                meanOf(readings.stream().map(Reading::power).toList()),
                memory == null ? null : Math.round(memory),
                readings.size());
    }

    private static Double meanOf(List<Double> values) {
        double sum = 0;
        int n = 0;
        for (Double v : values) {
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    /**
     * {@return the reading on one line of {@code nvidia-smi --format=csv,noheader,nounits}, or empty when the line
     * is not one (an error message)} Fields it cannot report read {@code [N/A]} or {@code [Not Supported]}.
     */
    static Optional<Reading> parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 4) {
            return Optional.empty();
        }
        Double[] v = new Double[4];
        boolean any = false;
        for (int i = 0; i < 4; i++) {
            String s = f[i].trim();
            if (s.startsWith("[") || s.equals("N/A")) {
                continue;
            }
            try {
                v[i] = Double.parseDouble(s);
                any = true;
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (!any) {
            return Optional.of(new Reading(null, null, null, null));
        }
        return Optional.of(new Reading(v[0], v[1], v[2], v[3] == null ? null : Math.round(v[3] * MIB)));
    }

    private void read() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Optional<Reading> r = parse(line);
                synchronized (lock) {
                    if (r.isPresent()) {
                        latest = r.get();
                        sinceLastEpoch.add(r.get());
                        lock.notifyAll();
                    } else if (firstBadLine == null && !line.isBlank()) {
                        firstBadLine = line.trim();
                    }
                }
            }
        } catch (IOException e) {
            // the process was stopped: nothing more to read
        }
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            ended = true;
            lock.notifyAll();
        }
    }

    /** {@return whether {@code nvidia-smi} has stopped and every line it printed is read} */
    boolean ended() {
        synchronized (lock) {
            return ended;
        }
    }

    /** Stops {@code nvidia-smi}. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
