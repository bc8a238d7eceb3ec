package dev.arraysweep.worker.train;

import dev.arraysweep.db.ExitException;
import dev.arraysweep.worker.sampling.StrategyState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Everything a resumed run needs to continue exactly where it stopped: the parameters' hash (a checkpoint
 * of other parameters is refused), the model (weights and BatchNorm statistics), the optimiser's buffers,
 * the loop's state (epoch, position, pseudo-random generators) and the sampling strategy's state.
 *
 * <p>Written atomically: to a temporary file that is forced to disk, then renamed over the previous one.
 */
record Checkpoint(String paramsHash, byte[] model, byte[] optimizer, TrainingState loop, StrategyState strategy) {
    private static final int MAGIC = 0x41534350; // "ASCP"
    private static final int VERSION = 1;
    static final String FILE = "checkpoint.bin";

    /** Writes the checkpoint to {@code dir/checkpoint.bin}, replacing the previous one atomically. */
    void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "checkpoint-", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    DataOutputStream out = new DataOutputStream(Channels.newOutputStream(ch))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(paramsHash);
                bytes(out, model);
                bytes(out, optimizer);
                bytes(out, serialize(loop));
                bytes(out, serialize(strategy));
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + dir, e);
        }
    }

    /** {@return the checkpoint in {@code dir}, or null when there is none} */
    static Checkpoint read(Path dir, List<String> accepted) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw ExitException.badInput(file + " is not an arraysweep checkpoint of this version;"
                        + " move it away to start the run from scratch");
            }
            String hash = in.readUTF();
            if (!accepted.contains(hash)) {
                throw ExitException.badInput(
                        "checkpoint " + file + " belongs to parameters " + hash + ", but this run's parameters hash to "
                                + accepted.get(accepted.size() - 1) + "; delete it to start the run afresh");
            }
            byte[] model = bytes(in);
            byte[] optimizer = bytes(in);
            TrainingState loop = (TrainingState) deserialize(bytes(in));
            StrategyState strategy = (StrategyState) deserialize(bytes(in));
            return new Checkpoint(hash, model, optimizer, loop, strategy);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw ExitException.badInput("checkpoint " + file + " cannot be read (" + e.getMessage()
                    + "); delete it to start the run afresh");
        }
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }

    private static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buf)) {
            out.writeObject(o);
        }
        return buf.toByteArray();
    }

    private static Object deserialize(byte[] b) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return in.readObject();
        }
    }
}
