package dev.arraysweep.db.schema;

import dev.arraysweep.db.params.TwinKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Fills {@code run.twin_key} for runs stored before the column existed (schema version 1). */
final class TwinKeyBackfill {
    private TwinKeyBackfill() {}

    /** {@return how many runs got a twin key} */
    static int run(Connection c) throws SQLException {
        int filled = 0;
        // joined through sweep so that H2 finds the runs without a key in the (sweep_id, twin_key) index instead
        // of reading every run (a table scan of 100,000 runs took most of a second at every start)
        try (PreparedStatement select = c.prepareStatement("SELECT r.id, r.params_json FROM sweep s"
                        + " JOIN run r ON r.sweep_id = s.id AND r.twin_key IS NULL");
                PreparedStatement update = c.prepareStatement("UPDATE run SET twin_key = ? WHERE id = ?");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                Optional<String> key = TwinKey.ofJson(rs.getString(2));
                if (key.isPresent()) {
                    update.setString(1, key.get());
                    update.setLong(2, rs.getLong(1));
                    update.addBatch();
                    filled++;
                }
            }
            if (filled > 0) {
                update.executeBatch();
            }
        }
        return filled;
    }
}
