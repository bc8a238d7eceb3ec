package dev.arraysweep.db.journal;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The journals under a work directory's {@code runs} folder ({@code runs/<sweep>/journal/<index>.jsonl}) with
 * their lengths, as one directory listing and one {@code stat} per file: a status over 10,000 runs lists
 * 10,000 journals every time, so this is kept to plain names and lengths (no {@link Path} per file until a
 * file has grown). Needs no database, so callers may list while the database opens.
 */
public record JournalListing(List<Entry> entries) {
    /** One journal: its absolute, normalised path as text (the key of {@code journal_position}) and length. */
    public record Entry(String key, long bytes) {
        /** {@return the journal's path} */
        public Path path() {
            return Path.of(key);
        }
    }

    public JournalListing {
        entries = List.copyOf(entries);
    }

    /** {@return the journals under {@code runsRoot}, sorted by path; none when it does not exist} */
    public static JournalListing of(Path runsRoot) {
        File[] sweeps = runsRoot.toAbsolutePath().normalize().toFile().listFiles(File::isDirectory);
        if (sweeps == null) {
            return new JournalListing(List.of());
        }
        Arrays.sort(sweeps);
        List<Entry> entries = new ArrayList<>();
        for (File sweep : sweeps) {
            File dir = new File(sweep, "journal");
            String[] names = dir.list((d, name) -> name.endsWith(".jsonl"));
            if (names == null) {
                continue;
            }
            Arrays.sort(names);
            String prefix = dir.getPath() + File.separator;
            for (String name : names) {
                String key = prefix + name;
                // 0 for a file that vanished or is not a file: nothing to ingest either way
                entries.add(new Entry(key, new File(key).length()));
            }
        }
        return new JournalListing(entries);
    }

    /** {@return one journal file, with its current length} */
    public static JournalListing ofFile(Path file) {
        String key = file.toAbsolutePath().normalize().toString();
        return new JournalListing(List.of(new Entry(key, new File(key).length())));
    }

    /** {@return how many journals there are} */
    public int size() {
        return entries.size();
    }
}
