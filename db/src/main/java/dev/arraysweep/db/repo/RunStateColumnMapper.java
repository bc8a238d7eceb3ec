package dev.arraysweep.db.repo;

import dev.arraysweep.db.model.RunState;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads {@code run.state} (stored lower case) as a {@link RunState}.
 * JDBI instantiates it from a {@code @Register...Mapper} annotation, hence public.
 */
public final class RunStateColumnMapper implements ColumnMapper<RunState> {
    @Override
    public RunState map(ResultSet r, int columnNumber, StatementContext ctx) throws SQLException {
        return RunState.fromDb(r.getString(columnNumber));
    }
}
