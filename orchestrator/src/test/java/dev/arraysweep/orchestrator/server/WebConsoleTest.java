package dev.arraysweep.orchestrator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class WebConsoleTest {
    @Test
    void console_servesH2sLoginPageOnTheLoopbackAddress() throws Exception {
        try (WebConsole console = WebConsole.start(0)) {
            assertThat(console.port()).isPositive();
            HttpResponse<String> page = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + "/"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).containsIgnoringCase("H2 Console");
            assertThat(console.url()).endsWith(":" + console.port());
        }
    }
}
