/** How DL4J and ND4J run on this machine: native layer helpers and their state. */
package org.cvkit.core.runtime;
