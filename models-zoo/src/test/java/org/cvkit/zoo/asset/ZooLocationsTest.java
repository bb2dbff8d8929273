package org.cvkit.zoo.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ZooLocationsTest {

    @Test
    void systemPropertiesWinOverEnvironmentVariables() {
        Properties properties = properties("/home/ana");
        properties.setProperty("cvkit.cache", "/prop/cache");
        properties.setProperty("cvkit.mirror", "/prop/mirror");

        ZooLocations locations = ZooLocations.from(
                Map.of("CVKIT_CACHE", "/env/cache", "CVKIT_MIRROR", "/env/mirror"), properties);

        assertThat(locations.cache()).isEqualTo(Path.of("/prop/cache"));
        assertThat(locations.mirror()).contains(Path.of("/prop/mirror"));
    }

    @Test
    void environmentVariablesApplyWithoutProperties() {
        ZooLocations locations = ZooLocations.from(
                Map.of("CVKIT_CACHE", "/env/cache", "CVKIT_MIRROR", "/env/mirror"), properties("/home/ana"));

        assertThat(locations.cache()).isEqualTo(Path.of("/env/cache"));
        assertThat(locations.mirror()).contains(Path.of("/env/mirror"));
    }

    @Test
    void defaultsToTheXdgCacheAndNoMirror() {
        assertThat(ZooLocations.from(Map.of("XDG_CACHE_HOME", "/xdg"), properties("/home/ana")))
                .isEqualTo(new ZooLocations(Path.of("/xdg/cvkit"), Optional.empty()));
        assertThat(ZooLocations.from(Map.of("CVKIT_MIRROR", " "), properties("/home/ana")))
                .isEqualTo(new ZooLocations(Path.of("/home/ana/.cache/cvkit"), Optional.empty()));
        assertThat(ZooLocations.from(Map.of("XDG_CACHE_HOME", "relative"), properties("/home/ana")).cache())
                .isEqualTo(Path.of("/home/ana/.cache/cvkit"));
    }

    @Test
    void makesRelativePathsAbsolute() {
        Properties properties = properties("/home/ana");
        properties.setProperty("cvkit.mirror", "shared/../shared/assets");

        assertThat(ZooLocations.from(Map.of(), properties).mirror())
                .contains(Path.of("shared/assets").toAbsolutePath());
    }

    private static Properties properties(String home) {
        Properties properties = new Properties();
        properties.setProperty("user.home", home);
        return properties;
    }
}
