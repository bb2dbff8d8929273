package org.cvkit.face.gallery;

/** A name was given that is not enrolled in the gallery. */
public final class UnknownPersonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String name;

    /**
     * @param name     the name that is not enrolled
     * @param enrolled how many people are enrolled
     */
    UnknownPersonException(String name, int enrolled) {
        super("'" + name + "' is not enrolled (the gallery holds " + enrolled + (enrolled == 1 ? " person" : " people")
                + "); list the gallery to check the spelling, or enroll them first");
        this.name = name;
    }

    /** @return the name that is not enrolled */
    public String name() {
        return name;
    }
}
