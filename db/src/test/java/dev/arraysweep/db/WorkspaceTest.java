package dev.arraysweep.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void flagsBeatEnvironmentBeatDefaults() {
        Workspace ws = Workspace.resolve(dir.toString(), null, Map.of(Workspace.DB_ENV, "jdbc:h2:mem:x"));
        assertThat(ws.dbUrl()).isEqualTo("jdbc:h2:mem:x");
        assertThat(Workspace.resolve(dir.toString(), "jdbc:h2:mem:y", Map.of(Workspace.DB_ENV, "jdbc:h2:mem:x"))
                .dbUrl()).isEqualTo("jdbc:h2:mem:y");
        Workspace embedded = Workspace.resolve(null, null, Map.of(Workspace.WORKDIR_ENV, dir.toString()));
        assertThat(embedded.root()).isEqualTo(dir.toAbsolutePath());
        assertThat(embedded.dbUrl()).isEqualTo("jdbc:h2:file:" + dir.toAbsolutePath().resolve("arraysweep"));
        assertThat(embedded.embedded()).isTrue();
        assertThat(embedded.journal("s", 3)).isEqualTo(dir.toAbsolutePath().resolve("runs/s/journal/3.jsonl"));
    }

    @Test
    void announcedServer_isUsedWhileItAnswers() throws Exception {
        Server server = Server.createTcpServer("-tcpPort", "0", "-ifExists", "-tcpDaemon").start();
        String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + dir.resolve("arraysweep");
        Files.writeString(new Workspace(dir, null).serverFile(), url + "\n");
        assertThat(Workspace.resolve(dir.toString(), null, Map.of()).dbUrl()).isEqualTo(url);
        server.stop();
        assertThat(Workspace.resolve(dir.toString(), null, Map.of()).embedded()).isTrue();
    }
}
