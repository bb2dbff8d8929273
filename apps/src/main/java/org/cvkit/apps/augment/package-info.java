/**
 * {@code cvkit augment}: augmented copies of an image folder with Pascal VOC or YOLO labels moved to match, using the
 * augmentation module's pipelines and op syntax.
 */
package org.cvkit.apps.augment;
