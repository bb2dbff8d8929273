package org.cvkit.apps.explain;

import org.cvkit.core.arithmetic.VolumeShape;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code WIDTHxHEIGHTxDEPTH} options. */
final class VolumeShapeConverter implements ITypeConverter<VolumeShape> {
    @Override
    public VolumeShape convert(String value) {
        return VolumeShape.parse(value);
    }
}
