package org.cvkit.zoo.format.keras;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_RDONLY;
import static org.bytedeco.hdf5.global.hdf5.H5T_FLOAT;
import static org.bytedeco.hdf5.global.hdf5.H5T_INTEGER;
import static org.bytedeco.hdf5.global.hdf5.H5T_STRING;
import static org.bytedeco.hdf5.global.hdf5.H5T_STR_NULLPAD;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.cvkit.zoo.format.ModelFormatException;
import org.cvkit.zoo.format.WeightTensor;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;

/**
 * Reads the weights of a Keras HDF5 file in the layout {@code save_weights} writes and the Keras applications
 * ship (for example {@code vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5}).
 *
 * <p>Layout: the root (or a {@code model_weights} group, in files saved with the whole model) has the attribute
 * {@code layer_names}, an array of fixed-length strings. Each named layer is a group whose attribute
 * {@code weight_names} lists its datasets by path relative to the group ({@code block1_conv1_W_1:0} in Keras 1,
 * {@code block1_conv1/kernel:0} in Keras 2). Attributes too large for one HDF5 header are split by Keras into
 * {@code layer_names0}, {@code layer_names1}, ...; those are joined. Values are converted to float32.
 *
 * <p>HDF5 is not thread-safe: every call holds DL4J's {@link Hdf5Archive#LOCK_OBJECT}, so this reader and DL4J's
 * Keras import can share a process. HDF5's own error printing to standard error is switched off: its failures
 * surface as {@link ModelFormatException}s instead.
 */
public final class KerasWeightsReader {

    private static final String ROOT_LAYERS = "layer_names";
    private static final String LAYER_WEIGHTS = "weight_names";
    private static final String MODEL_WEIGHTS = "model_weights";

    private KerasWeightsReader() {
    }

    /**
     * @param file a Keras HDF5 weights file
     * @return every layer with its named weights
     * @throws IOException          if the file does not exist
     * @throws ModelFormatException if it is not HDF5 or not in the Keras weights layout
     */
    public static KerasWeights read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        String source = file.getFileName().toString();
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            org.bytedeco.hdf5.Exception.dontPrint();
            if (!H5File.isHdf5(file.toString())) {
                throw new ModelFormatException(source + " is not an HDF5 file (HDF5 files start with the bytes"
                        + " \\x89HDF\\r\\n\\x1a\\n)");
            }
            try (H5File h5 = new H5File(file.toString(), H5F_ACC_RDONLY())) {
                if (!h5.attrExists(ROOT_LAYERS) && !h5.attrExists(ROOT_LAYERS + "0") && h5.nameExists(MODEL_WEIGHTS)) {
                    try (Group weights = h5.openGroup(MODEL_WEIGHTS)) {
                        return new KerasWeights(layers(source, weights, MODEL_WEIGHTS + "/"));
                    }
                }
                return new KerasWeights(layers(source, h5, "/"));
            } catch (ModelFormatException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ModelFormatException(source + " cannot be read as Keras weights: " + e.getMessage(), e);
            }
        }
    }

    private static List<KerasLayerWeights> layers(String source, Group root, String rootPath) {
        List<KerasLayerWeights> layers = new ArrayList<>();
        for (String layerName : strings(source, root, ROOT_LAYERS, rootPath)) {
            String layerPath = rootPath + layerName;
            if (!root.nameExists(layerName)) {
                throw new ModelFormatException(source + " lists layer " + layerName + " in " + rootPath
                        + ROOT_LAYERS + " but has no group " + layerPath);
            }
            List<WeightTensor> weights = new ArrayList<>();
            try (Group layer = root.openGroup(layerName)) {
                for (String weightName : strings(source, layer, LAYER_WEIGHTS, layerPath + "/")) {
                    weights.add(dataset(source, layer, weightName, layerPath + "/" + weightName));
                }
            }
            layers.add(new KerasLayerWeights(layerName, weights));
        }
        return layers;
    }

    private static WeightTensor dataset(String source, Group layer, String weightName, String path) {
        if (!layer.nameExists(weightName)) {
            throw new ModelFormatException(source + " lists weight " + weightName + " but has no dataset " + path);
        }
        try (DataSet dataset = layer.openDataSet(weightName); DataSpace space = dataset.getSpace()) {
            int typeClass = dataset.asAbstractDs().getTypeClass();
            if (typeClass != H5T_FLOAT && typeClass != H5T_INTEGER) {
                throw new ModelFormatException(source + " dataset " + path + " holds no numbers");
            }
            long[] shape = new long[space.getSimpleExtentNdims()];
            space.getSimpleExtentDims(shape);
            long count = space.getSimpleExtentNpoints();
            if (count > Integer.MAX_VALUE) {
                throw new ModelFormatException(source + " dataset " + path + " of shape " + Arrays.toString(shape)
                        + " is too large for one Java array");
            }
            float[] values = new float[(int) count];
            if (count > 0) {
                try (FloatPointer buffer = new FloatPointer(count)) {
                    dataset.read(buffer, PredType.NATIVE_FLOAT());
                    buffer.get(values);
                }
            }
            return WeightTensor.of(weightName, shape, values);
        }
    }

    /** Reads a Keras string-list attribute, joining the chunks {@code name0, name1, ...} of a split one. */
    private static List<String> strings(String source, H5Object owner, String name, String ownerPath) {
        if (owner.attrExists(name)) {
            return stringAttribute(source, owner, name, ownerPath);
        }
        List<String> joined = new ArrayList<>();
        int chunk = 0;
        for (; owner.attrExists(name + chunk); chunk++) {
            joined.addAll(stringAttribute(source, owner, name + chunk, ownerPath));
        }
        if (chunk == 0) {
            throw new ModelFormatException(source + " has no attribute " + name + " on " + ownerPath
                    + ", so it is not a Keras weights file");
        }
        return joined;
    }

    private static List<String> stringAttribute(String source, H5Object owner, String name, String ownerPath) {
        try (Attribute attribute = owner.openAttribute(name); DataSpace space = attribute.getSpace();
                DataType type = attribute.getDataType()) {
            long count = space.getSimpleExtentNpoints();
            if (count == 0) {
                return List.of();
            }
            if (type._getClass() != H5T_STRING || type.isVariableStr()) {
                throw new ModelFormatException(source + " attribute " + ownerPath + name
                        + " must be an array of fixed-length strings, as Keras writes it");
            }
            int width = (int) type.getSize();
            byte[] bytes = new byte[Math.toIntExact(count * width)];
            try (StrType memoryType = new StrType(PredType.C_S1(), width);
                    BytePointer buffer = new BytePointer(bytes.length)) {
                memoryType.setStrpad(H5T_STR_NULLPAD);
                attribute.read(memoryType, (Pointer) buffer); // raw buffer: the BytePointer overload is std::string
                buffer.get(bytes);
            }
            List<String> strings = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int end = i * width;
                while (end < i * width + width && bytes[end] != 0) {
                    end++;
                }
                strings.add(new String(bytes, i * width, end - i * width, StandardCharsets.UTF_8));
            }
            return strings;
        }
    }
}
