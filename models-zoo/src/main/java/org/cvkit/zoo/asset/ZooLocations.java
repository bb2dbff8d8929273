package org.cvkit.zoo.asset;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the store keeps downloads (the cache) and where it looks before the network (the mirror).
 *
 * <p>{@link #fromEnvironment()} reads, the system property winning over the environment variable:
 * <ul>
 *   <li>cache: {@code -Dcvkit.cache} or {@code CVKIT_CACHE}, else {@code $XDG_CACHE_HOME/cvkit}, else
 *       {@code ~/.cache/cvkit};</li>
 *   <li>mirror: {@code -Dcvkit.mirror} or {@code CVKIT_MIRROR}, else none. A mirror is laid out like the
 *       assets' {@link Asset#path() paths}, for example {@code yolo/coco.names}.</li>
 * </ul>
 *
 * @param cache  the user cache directory (created on first download)
 * @param mirror the read-only mirror directory, if one is configured
 */
public record ZooLocations(Path cache, Optional<Path> mirror) {

    /** System property naming the cache directory. */
    public static final String CACHE_PROPERTY = "cvkit.cache";
    /** Environment variable naming the cache directory. */
    public static final String CACHE_VARIABLE = "CVKIT_CACHE";
    /** System property naming the mirror directory. */
    public static final String MIRROR_PROPERTY = "cvkit.mirror";
    /** Environment variable naming the mirror directory. */
    public static final String MIRROR_VARIABLE = "CVKIT_MIRROR";

    /** Makes both paths absolute. */
    public ZooLocations {
        cache = Objects.requireNonNull(cache, "cache").toAbsolutePath().normalize();
        mirror = Objects.requireNonNull(mirror, "mirror").map(dir -> dir.toAbsolutePath().normalize());
    }

    /** @return the locations configured by this JVM's system properties and the process environment */
    public static ZooLocations fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    /**
     * The locations configured by the given environment and system properties (see the class description).
     *
     * @param environment environment variables
     * @param properties  system properties, including {@code user.home}
     * @return the locations
     */
    public static ZooLocations from(Map<String, String> environment, Properties properties) {
        Path cache = setting(environment, properties, CACHE_VARIABLE, CACHE_PROPERTY)
                .orElseGet(() -> defaultCache(environment, properties));
        return new ZooLocations(cache, setting(environment, properties, MIRROR_VARIABLE, MIRROR_PROPERTY));
    }

    private static Optional<Path> setting(Map<String, String> environment, Properties properties, String variable,
            String property) {
        String value = properties.getProperty(property);
        if (value == null || value.isBlank()) {
            value = environment.get(variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.trim()));
    }

    private static Path defaultCache(Map<String, String> environment, Properties properties) {
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "cvkit");
        }
        return Path.of(properties.getProperty("user.home"), ".cache", "cvkit");
    }
}
