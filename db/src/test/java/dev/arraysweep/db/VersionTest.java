package dev.arraysweep.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arraysweep.testkit.Checkout;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VersionTest {
    /** {@return the root pom's revision property: the one place the version is written} */
    static String pomRevision() throws Exception {
        Path root = Checkout.find("bin/worker").orElseThrow().getParent().getParent();
        String pom = Files.readString(root.resolve("pom.xml"));
        Matcher m = Pattern.compile("<revision>([^<]+)</revision>").matcher(pom);
        assertThat(m.find()).as("root pom.xml has a <revision> property").isTrue();
        return m.group(1).strip();
    }

    private static InputStream properties(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void current_isThePomsRevision_fromTheFilteredResourceOutsideAJar() throws Exception {
        assertThat(Version.current()).isEqualTo(pomRevision());
    }

    @Test
    void manifestVersion_winsOverTheResource() throws Exception {
        assertThat(Version.of("1.2.3", properties("version=0.0.1\n"))).isEqualTo("1.2.3");
    }

    @Test
    void withoutAManifestVersion_theResourceNamesIt() throws Exception {
        assertThat(Version.of(null, properties("version=0.0.1\n"))).isEqualTo("0.0.1");
        assertThat(Version.of(" ", properties("version=0.0.1\n"))).isEqualTo("0.0.1");
    }

    @Test
    void anUnfilteredOrMissingResource_isUnknown() throws Exception {
        assertThat(Version.of(null, properties("version=${project.version}\n"))).isEqualTo(Version.UNKNOWN);
        assertThat(Version.of(null, properties("# nothing\n"))).isEqualTo(Version.UNKNOWN);
        assertThat(Version.of(null, null)).isEqualTo(Version.UNKNOWN);
    }
}
