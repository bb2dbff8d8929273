/** {@code cvkit style}: neural style transfer from the command line. */
package org.cvkit.apps.style;
