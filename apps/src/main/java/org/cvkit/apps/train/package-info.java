/** {@code cvkit train}: training the course's networks from the command line. */
package org.cvkit.apps.train;
