/** Colour preservation: style transfer on luminance only, recombined with the content's colour (YIQ). */
package org.cvkit.style.colour;
