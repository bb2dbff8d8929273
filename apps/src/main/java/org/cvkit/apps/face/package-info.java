/**
 * {@code cvkit face-verify}: enrol people from photos into a gallery file, verify (1:1), identify (1:N), describe
 * faces, calibrate the threshold, and a live loop that names the faces of a camera or a video in a window or in an
 * annotated copy of the video.
 */
package org.cvkit.apps.face;
