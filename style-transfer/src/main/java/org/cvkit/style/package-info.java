/**
 * Gatys-style neural style transfer: {@link org.cvkit.style.StyleTransfer} optimizes an image's pixels against a
 * {@link org.cvkit.style.TransferObjective} (content loss, normalized Gram-matrix style loss over weighted layers,
 * total variation) on any {@link org.cvkit.style.network.LossNetwork}, coarse to fine, with Adam or L-BFGS,
 * reporting {@link org.cvkit.style.Progress} and snapshots as it goes. Sub-packages hold the loss networks
 * ({@code network}), the loss terms ({@code loss}), the optimizers ({@code optim}) and colour preservation
 * ({@code colour}).
 */
package org.cvkit.style;
