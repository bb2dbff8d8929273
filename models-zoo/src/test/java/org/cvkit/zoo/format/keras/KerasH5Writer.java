package org.cvkit.zoo.format.keras;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_TRUNC;
import static org.bytedeco.hdf5.global.hdf5.H5T_STR_NULLPAD;
import static org.bytedeco.hdf5.global.hdf5.H5T_VARIABLE;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.hdf5.Attribute;
import org.bytedeco.hdf5.DataSet;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.DataType;
import org.bytedeco.hdf5.Group;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.hdf5.H5Object;
import org.bytedeco.hdf5.PredType;
import org.bytedeco.hdf5.StrType;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.cvkit.zoo.format.WeightTensor;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;

/**
 * Writes small HDF5 files in the layout Keras' {@code save_weights} uses (as h5py writes it: null-padded
 * fixed-length string attributes, an empty float array for layers without weights), through JavaCPP's HDF5.
 */
final class KerasH5Writer {

    private final Map<String, List<WeightTensor>> layers = new LinkedHashMap<>();
    private String root = "";
    private int layerNameChunks = 1;
    private boolean layerNames = true;
    private boolean variableLength;
    private final List<String> listedButMissing = new ArrayList<>();
    private final Map<String, String> weightsListedButMissing = new LinkedHashMap<>();

    /**
     * @param name    layer name
     * @param weights its weights, named by their path below the layer group
     * @return this writer
     */
    KerasH5Writer layer(String name, WeightTensor... weights) {
        layers.put(name, List.of(weights));
        return this;
    }

    /** @return this writer, placing everything in a {@code model_weights} group as {@code model.save} does */
    KerasH5Writer underModelWeights() {
        root = "model_weights";
        return this;
    }

    /**
     * @param chunks split {@code layer_names} into {@code layer_names0 ... layer_names<chunks-1>}
     * @return this writer
     */
    KerasH5Writer splitLayerNames(int chunks) {
        layerNameChunks = chunks;
        return this;
    }

    /** @return this writer, storing {@code layer_names} as variable-length strings, which Keras never does */
    KerasH5Writer variableLengthLayerNames() {
        variableLength = true;
        return this;
    }

    /** @return this writer, leaving out the {@code layer_names} attribute */
    KerasH5Writer withoutLayerNames() {
        layerNames = false;
        return this;
    }

    /**
     * @param layerName a layer listed in {@code layer_names} whose group is not written
     * @return this writer
     */
    KerasH5Writer listWithoutGroup(String layerName) {
        listedButMissing.add(layerName);
        return this;
    }

    /**
     * @param layerName  a layer added with {@link #layer}
     * @param weightName a weight listed in its {@code weight_names} whose dataset is not written
     * @return this writer
     */
    KerasH5Writer listWeightWithoutDataset(String layerName, String weightName) {
        weightsListedButMissing.put(layerName, weightName);
        return this;
    }

    /** @param file where to write the HDF5 file */
    void write(Path file) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            try (H5File h5 = new H5File(file.toString(), H5F_ACC_TRUNC())) {
                if (root.isEmpty()) {
                    writeLayers(h5);
                } else {
                    try (Group group = h5.createGroup(root)) {
                        writeLayers(group);
                    }
                }
            }
        }
    }

    private void writeLayers(Group parent) {
        List<String> names = new ArrayList<>(layers.keySet());
        names.addAll(listedButMissing);
        int perChunk = (names.size() + layerNameChunks - 1) / layerNameChunks;
        for (int chunk = 0; layerNames && chunk < layerNameChunks; chunk++) {
            List<String> part = names.subList(chunk * perChunk, Math.min(names.size(), (chunk + 1) * perChunk));
            String name = layerNameChunks == 1 ? "layer_names" : "layer_names" + chunk;
            if (variableLength) {
                writeVariableLengthStrings(parent, name, part);
            } else {
                writeStrings(parent, name, part);
            }
        }
        for (Map.Entry<String, List<WeightTensor>> layer : layers.entrySet()) {
            try (Group group = parent.createGroup(layer.getKey())) {
                List<String> weightNames = new ArrayList<>(layer.getValue().stream().map(WeightTensor::name).toList());
                if (weightsListedButMissing.containsKey(layer.getKey())) {
                    weightNames.add(weightsListedButMissing.get(layer.getKey()));
                }
                if (weightNames.isEmpty()) {
                    writeEmptyFloatAttribute(group, "weight_names");
                } else {
                    writeStrings(group, "weight_names", weightNames);
                }
                for (WeightTensor weight : layer.getValue()) {
                    writeDataset(group, weight);
                }
            }
        }
    }

    private static void writeDataset(Group layer, WeightTensor weight) {
        String[] path = weight.name().split("/");
        List<Group> opened = new ArrayList<>();
        Group parent = layer;
        for (int i = 0; i < path.length - 1; i++) {
            parent = parent.nameExists(path[i]) ? parent.openGroup(path[i]) : parent.createGroup(path[i]);
            opened.add(parent);
        }
        long[] shape = weight.shape();
        try (DataSpace space = new DataSpace(shape.length, shape);
                DataType type = new DataType(PredType.NATIVE_FLOAT());
                DataSet dataset = parent.createDataSet(path[path.length - 1], type, space);
                FloatPointer values = new FloatPointer(weight.toFloatArray())) {
            dataset.write(values, PredType.NATIVE_FLOAT());
        }
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    /**
     * @param owner a group or file
     * @param name  the attribute name
     * @param value the strings, written as h5py writes a NumPy {@code S} array
     */
    private static void writeStrings(H5Object owner, String name, List<String> value) {
        int width = Math.max(1, value.stream().mapToInt(s -> s.getBytes(StandardCharsets.UTF_8).length).max()
                .orElse(1));
        byte[] bytes = new byte[value.size() * width];
        for (int i = 0; i < value.size(); i++) {
            byte[] text = value.get(i).getBytes(StandardCharsets.UTF_8);
            System.arraycopy(text, 0, bytes, i * width, text.length);
        }
        try (StrType type = new StrType(PredType.C_S1(), width);
                DataSpace space = new DataSpace(1, new long[] {value.size()})) {
            type.setStrpad(H5T_STR_NULLPAD);
            try (Attribute attribute = owner.createAttribute(name, type, space);
                    BytePointer buffer = new BytePointer(bytes)) {
                attribute.write(type, (Pointer) buffer); // the BytePointer overload writes one std::string
            }
        }
    }

    private static void writeVariableLengthStrings(H5Object owner, String name, List<String> value) {
        try (StrType type = new StrType(PredType.C_S1(), H5T_VARIABLE());
                DataSpace space = new DataSpace(1, new long[] {value.size()});
                Attribute attribute = owner.createAttribute(name, type, space);
                PointerPointer<BytePointer> strings = new PointerPointer<>(value.toArray(new String[0]))) {
            attribute.write(type, strings);
        }
    }

    private static void writeEmptyFloatAttribute(H5Object owner, String name) {
        // h5py writes an empty list as a zero-length float64 array: created, with nothing to write into it.
        try (DataType type = new DataType(PredType.NATIVE_DOUBLE());
                DataSpace space = new DataSpace(1, new long[] {0})) {
            owner.createAttribute(name, type, space).close();
        }
    }

    /**
     * Writes a layer whose only weight dataset holds strings instead of numbers.
     *
     * @param file where to write the HDF5 file
     */
    static void writeStringDataset(Path file) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            try (H5File h5 = new H5File(file.toString(), H5F_ACC_TRUNC())) {
                writeStrings(h5, "layer_names", List.of("dense"));
                try (Group group = h5.createGroup("dense")) {
                    writeStrings(group, "weight_names", List.of("kernel:0"));
                    try (StrType type = new StrType(PredType.C_S1(), 4);
                            DataSpace space = new DataSpace(1, new long[] {1});
                            DataSet dataset = group.createDataSet("kernel:0", type, space);
                            BytePointer text = new BytePointer("abcd")) {
                        dataset.write((Pointer) text, type);
                    }
                }
            }
        }
    }
}
