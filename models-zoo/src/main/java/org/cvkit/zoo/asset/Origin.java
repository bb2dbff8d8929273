package org.cvkit.zoo.asset;

/** Where a local copy of an asset is. */
public enum Origin {
    /** The user cache, where downloads are kept. */
    CACHE("cache"),
    /** The read-only offline mirror. */
    MIRROR("mirror");

    private final String label;

    Origin(String label) {
        this.label = label;
    }

    /** @return the lower-case word used in messages ("cache" or "mirror") */
    public String label() {
        return label;
    }
}
