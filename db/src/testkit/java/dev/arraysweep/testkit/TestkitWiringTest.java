package dev.arraysweep.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.Extension;

/** Runs in every module (testkit is part of each module's test sources): the extension is registered there. */
class TestkitWiringTest {
    @Test
    void h2ShutdownExtension_isAutoDetectedInThisModule() throws Exception {
        Properties p = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("junit-platform.properties")) {
            assertThat(in)
                    .as("junit-platform.properties on the test class path")
                    .isNotNull();
            p.load(in);
        }
        assertThat(p.getProperty("junit.jupiter.extensions.autodetection.enabled"))
                .isEqualTo("true");
        assertThat(ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::type))
                .contains(H2ShutdownExtension.class);
    }
}
