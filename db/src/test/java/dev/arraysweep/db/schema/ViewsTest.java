package dev.arraysweep.db.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ViewsTest {
    @Test
    void viewFiles_getTheRegistrysColumnsAndTheArchetype_andNoPlaceholderIsLeft() {
        List<String> views = Views.definitions(ParamColumns.all());

        assertThat(views).hasSize(5).allSatisfy(v -> assertThat(v)
                .doesNotContainPattern("<[a-z_]+>")
                .doesNotContain("--")
                .doesNotContain("\n"));
        assertThat(views.get(0))
                .startsWith("CREATE OR REPLACE VIEW runs AS SELECT")
                .contains("r.twin_key, p.\"")
                .contains(", p.\"SEED\" AS \"SEED\"")
                .contains(", p.\"SAMPLER\" AS \"SAMPLER\"");
        assertThat(views.get(4))
                .startsWith("CREATE OR REPLACE VIEW twins AS SELECT")
                .contains("a.state AS archetype_state, f.\"")
                .contains(", f.\"EPOCH_FILTERING\" AS \"EPOCH_FILTERING\"")
                .doesNotContain("f.\"SEED\" AS \"SEED\"")
                .contains("WHERE a.")
                .contains("AND NOT (f.")
                .contains("a.\"EPOCH_FILTERING\" = FALSE")
                .contains("f.\"EPOCH_FILTERING\" = FALSE")
                .contains("a.\"SELECTOR\" = 'none'");
    }

    @Test
    void noParameterColumns_leaveTheRunsViewWithItsFixedColumnsOnly() {
        assertThat(Views.definitions(List.of()).get(0))
                .contains("r.params_hash, r.twin_key FROM run r JOIN sweep s ON s.id = r.sweep_id");
    }
}
