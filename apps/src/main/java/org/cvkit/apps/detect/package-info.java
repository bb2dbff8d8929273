/** {@code cvkit detect}: object and face detection on images, folders of images and videos. */
package org.cvkit.apps.detect;
