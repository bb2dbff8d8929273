/**
 * Named assets (weights, media, data sets) with checksums, and the store that finds them: the user cache first,
 * then an offline mirror, then the canonical URL over HTTPS, verifying size and SHA-256 before a file is used.
 *
 * <p>Entry points: {@link org.cvkit.zoo.asset.AssetRegistry#defaults()} lists what exists, and
 * {@link org.cvkit.zoo.asset.AssetStore#fromEnvironment()} resolves names to verified local files.
 */
package org.cvkit.zoo.asset;
