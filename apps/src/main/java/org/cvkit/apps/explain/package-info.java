/** {@code cvkit explain}: the course's convolution and pooling arithmetic, worked out step by step. */
package org.cvkit.apps.explain;
