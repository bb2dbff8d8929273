/**
 * DL4J model zips with cvkit metadata, found by asset name or path and loaded through
 * {@link org.cvkit.core.io.ModelIO}: {@link org.cvkit.zoo.dl4j.Dl4jModels}.
 */
package org.cvkit.zoo.dl4j;
