package dev.arraysweep.worker.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes float32 tensors in the safetensors format (huggingface/safetensors), which PyTorch users load with
 * {@code safetensors.torch.load_file}: an 8-byte little-endian header length N, N bytes of JSON mapping each
 * tensor's name to {@code {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}} (offsets into the data
 * that follows; plus an optional {@code "__metadata__"} map of strings), padded with spaces to a multiple of 8,
 * then every tensor's values, little-endian, row-major, one after the other in the header's order.
 */
final class SafeTensors {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One tensor: its shape and its values, row-major. */
    record Tensor(long[] shape, float[] values) {
        Tensor {
            long size = 1;
            for (long d : shape) {
                size *= d;
            }
            if (size != values.length) {
                throw new IllegalArgumentException("shape holds " + size + " values, not " + values.length);
            }
        }
    }

    private SafeTensors() {}

    /** Writes {@code tensors}, in their order, with {@code metadata}, to {@code out}. */
    static void write(OutputStream out, Map<String, String> metadata, LinkedHashMap<String, Tensor> tensors)
            throws IOException {
        byte[] header = header(metadata, tensors);
        ByteBuffer length = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        out.write(length.putLong(header.length).array());
        out.write(header);
        for (Tensor t : tensors.values()) {
            ByteBuffer data =
                    ByteBuffer.allocate(t.values().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            data.asFloatBuffer().put(t.values());
            out.write(data.array());
        }
    }

    private static byte[] header(Map<String, String> metadata, LinkedHashMap<String, Tensor> tensors)
            throws JsonProcessingException {
        Map<String, Object> json = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            json.put("__metadata__", metadata);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            List<Long> shape = new ArrayList<>();
            for (long d : t.shape()) {
                shape.add(d);
            }
            long end = offset + (long) t.values().length * Float.BYTES;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", "F32");
            entry.put("shape", shape);
            entry.put("data_offsets", List.of(offset, end));
            json.put(e.getKey(), entry);
            offset = end;
        }
        byte[] text = JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
        // the data starts 8-byte aligned, as the reference implementation writes it: the header ends in spaces
        byte[] padded = Arrays.copyOf(text, (text.length + 7) / 8 * 8);
        Arrays.fill(padded, text.length, padded.length, (byte) ' ');
        return padded;
    }
}
