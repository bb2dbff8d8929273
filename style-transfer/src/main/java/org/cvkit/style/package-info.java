/** Gatys-style neural style transfer: loss networks, Gram-matrix style loss, content and total-variation losses. */
package org.cvkit.style;
