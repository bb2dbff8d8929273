/**
 * Where pretrained weights and sample media come from and how their files are read.
 *
 * <p>{@link org.cvkit.zoo.asset} knows every named asset (canonical URL, size, SHA-256, licence) and resolves it
 * through the user cache, an offline mirror and the network. {@link org.cvkit.zoo.format} reads the weight formats
 * the toolkit imports into named arrays; it knows nothing about networks or downloads.
 */
package org.cvkit.zoo;
