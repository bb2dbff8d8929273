package org.cvkit.core.arithmetic;

/** Raised for layer settings that cannot produce a whole output; the message says what would fix them. */
public final class InvalidGeometryException extends IllegalArgumentException {

    /** @param message what is wrong and how to fix it */
    public InvalidGeometryException(String message) {
        super(message);
    }
}
