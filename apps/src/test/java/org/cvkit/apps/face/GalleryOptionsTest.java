package org.cvkit.apps.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The default gallery location follows the XDG base-directory rule. */
class GalleryOptionsTest {

    @Test
    void keepsTheGalleryInXdgDataHomeWhenItIsAnAbsolutePath() {
        assertThat(GalleryOptions.defaultFile("/data/ada", "/home/ada"))
                .isEqualTo(Path.of("/data/ada/cvkit/gallery.json"));
    }

    @Test
    void fallsBackToTheHomeFolderWhenXdgDataHomeIsUnsetEmptyOrRelative() {
        Path fallback = Path.of("/home/ada/.local/share/cvkit/gallery.json");

        assertThat(GalleryOptions.defaultFile(null, "/home/ada")).isEqualTo(fallback);
        assertThat(GalleryOptions.defaultFile(" ", "/home/ada")).isEqualTo(fallback);
        assertThat(GalleryOptions.defaultFile("data", "/home/ada")).isEqualTo(fallback);
    }
}
