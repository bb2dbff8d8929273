package org.cvkit.face.gallery;

/**
 * An enrolled person and their distance to a probe.
 *
 * @param name     the person's name
 * @param distance the distance from the probe to that person
 */
public record Match(String name, double distance) {
}
