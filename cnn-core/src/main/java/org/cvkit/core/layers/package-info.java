/**
 * Custom DL4J layers the course needs and DL4J lacks, written with DL4J's SameDiff layer API so that SameDiff
 * derives their gradients: {@link org.cvkit.core.layers.GlobalWeightedAveragePooling} (GWAP). Their runtime
 * layer undoes the doubled gradient of SameDiff layers in ND4J 1.0.0-M2.1.
 */
package org.cvkit.core.layers;
