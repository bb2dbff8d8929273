/**
 * Keras HDF5 weight files ({@code model.save_weights(...)} and the Keras applications' {@code *.h5} downloads),
 * read through JavaCPP's HDF5 binding by {@link org.cvkit.zoo.format.keras.KerasWeightsReader}.
 */
package org.cvkit.zoo.format.keras;
