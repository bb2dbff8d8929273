/** The {@code cvkit} command line: the top-level command, shared error handling and exit codes. */
package org.cvkit.apps;
