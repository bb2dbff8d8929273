/**
 * {@code cvkit zoo list|fetch|verify}: the pretrained assets the toolkit knows, fetched into the cache and checked
 * against their registered sizes and SHA-256 digests.
 */
package org.cvkit.apps.zoo;
