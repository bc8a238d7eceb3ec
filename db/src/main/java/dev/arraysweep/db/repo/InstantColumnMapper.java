package dev.arraysweep.db.repo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads a {@code TIMESTAMP WITH TIME ZONE} column as the instant it names (null stays null), through
 * {@link OffsetDateTime} as the hand-written row mappers did, rather than JDBI's default {@code java.sql.Timestamp}.
 * JDBI instantiates it from a {@code @Register...Mapper} annotation, hence public.
 */
public final class InstantColumnMapper implements ColumnMapper<Instant> {
    @Override
    public Instant map(ResultSet r, int columnNumber, StatementContext ctx) throws SQLException {
        OffsetDateTime t = r.getObject(columnNumber, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
