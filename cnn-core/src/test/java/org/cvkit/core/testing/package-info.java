/** Test helpers other modules share through cnn-core's test jar. */
package org.cvkit.core.testing;
