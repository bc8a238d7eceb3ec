package dev.arraysweep.orchestrator.grid;

import dev.arraysweep.db.params.ParamException;
import dev.arraysweep.db.params.ParamValues;
import dev.arraysweep.db.params.Params;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of the thesis' appendix II (seed 004, l.2977-3357) as transcribed in
 * {@code src/test/resources/appendix-ii/*.tsv}: the printed tokens by column, and the run parameters they
 * stand for.
 *
 * <p>How a printed value becomes a parameter (the choices are also named in each sweep's header and in
 * docs/reproducing-the-seeds.md):
 *
 * <ul>
 *   <li>on/off columns print 3 (check mark) or 7 (cross);
 *   <li>scheduler {@code exp} is {@code exponential}, {@code ms} is {@code multistep} with the milestone
 *       column as its one milestone, {@code 7} is {@code none} (gamma then prints 0.000 and is not set);
 *   <li>weight decay printed {@code 0.001} is 0.0005: table 4.1's value for all runs "unless explicitly
 *       stated otherwise" (l.1869), which prints as 0.001 at three decimals; {@code 0.000} is 0;
 *   <li>an Adam learning rate printed {@code 0.000} is 0.0001 (below 0.0005, which would print 0.001; the
 *       seed gives no value);
 *   <li>momentum and augmentation are passed as printed; the registry drops momentum for Adam (table 4.1
 *       note 5) and augmentation for MNIST (4.2.3), exactly as it does for a sweep;
 *   <li>the unlabelled thirteenth column ({@code col13}) is not a parameter and is not read;
 *   <li>every parameter the rows do not print keeps its table 4.1 default.
 * </ul>
 *
 * @param line the row's line number in seeds/004_f9827b9665896b54.txt
 * @param cells the printed tokens by column name
 */
record AppendixRow(int line, Map<String, String> cells) {
    /** Adam's learning rate where the appendix prints 0.000 (see the class comment). */
    static final double ADAM_SMALL_LEARNING_RATE = 0.0001;
    /** The weight decay the appendix prints as 0.001 (see the class comment). */
    static final double PRINTED_0_001_WEIGHT_DECAY = 0.0005;

    /** {@return the rows of one transcription file: tab-separated, '#' comments, a header line first} */
    static List<AppendixRow> read(Path file) throws IOException {
        List<AppendixRow> rows = new ArrayList<>();
        String[] header = null;
        for (String text : Files.readAllLines(file)) {
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split("\t", -1);
            if (header == null) {
                header = fields;
                continue;
            }
            if (fields.length != header.length) {
                throw new IllegalStateException(file + ": " + fields.length + " fields, header has " + header.length);
            }
            Map<String, String> cells = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                cells.put(header[i], fields[i]);
            }
            rows.add(new AppendixRow(Integer.parseInt(cells.get("line")), cells));
        }
        return rows;
    }

    /** {@return the run parameters this row stands for, normalised as a sweep's runs are} */
    ParamValues params() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("dataset", dataset());
        raw.put("batch_filtering", flag("batchwise"));
        raw.put("epoch_filtering", flag("epochwise"));
        raw.put("model", cell("model").toLowerCase(Locale.ROOT));
        raw.put("batch_size", Integer.parseInt(cell("batch_size")));
        String optimizer = cell("optimizer").toLowerCase(Locale.ROOT);
        raw.put("optimizer", optimizer);
        raw.put("learning_rate", learningRate(optimizer));
        String scheduler = scheduler();
        raw.put("lr_scheduler", scheduler);
        if (scheduler.equals("none")) {
            expect("gamma", "0.000");
        } else {
            raw.put("gamma", Double.parseDouble(cell("gamma")));
        }
        if (scheduler.equals("multistep")) {
            raw.put("milestones", List.of(Integer.parseInt(cell("milestone"))));
        } else {
            expect("milestone", "7");
        }
        raw.put("momentum", Double.parseDouble(cell("momentum")));
        raw.put("epochs", Integer.parseInt(cell("epochs")));
        raw.put("weight_decay", weightDecay());
        raw.put("augmentation", flag("augmentation"));
        try {
            return Params.normalize(raw);
        } catch (ParamException e) {
            throw new IllegalStateException(where() + e.getMessage(), e);
        }
    }

    private String dataset() {
        return switch (cell("dataset")) {
            case "MNIST" -> "mnist";
            case "CIFAR10" -> "cifar10";
            case "CIFAR100" -> "cifar100";
            default -> throw unexpected("dataset");
        };
    }

    private String scheduler() {
        return switch (cell("scheduler")) {
            case "exp" -> "exponential";
            case "ms" -> "multistep";
            case "7" -> "none";
            default -> throw unexpected("scheduler");
        };
    }

    private double learningRate(String optimizer) {
        String printed = cell("lr");
        if (printed.equals("0.000")) {
            if (!optimizer.equals("adam")) {
                throw unexpected("lr");
            }
            return ADAM_SMALL_LEARNING_RATE;
        }
        return Double.parseDouble(printed);
    }

    private double weightDecay() {
        return switch (cell("weight_decay")) {
            case "0.001" -> PRINTED_0_001_WEIGHT_DECAY;
            case "0.000" -> 0.0;
            default -> throw unexpected("weight_decay");
        };
    }

    private boolean flag(String column) {
        return switch (cell(column)) {
            case "3" -> true;
            case "7" -> false;
            default -> throw unexpected(column);
        };
    }

    private void expect(String column, String printed) {
        if (!cell(column).equals(printed)) {
            throw unexpected(column);
        }
    }

    private String cell(String column) {
        String value = cells.get(column);
        if (value == null) {
            throw new IllegalStateException(where() + "no column " + column);
        }
        return value;
    }

    private IllegalStateException unexpected(String column) {
        return new IllegalStateException(where() + "unexpected " + column + " '" + cells.get(column) + "'");
    }

    private String where() {
        return "appendix II l." + line + ": ";
    }
}
