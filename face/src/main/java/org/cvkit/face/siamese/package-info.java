/**
 * Siamese encoders trained the course's way (section 8): one network {@link org.cvkit.face.siamese.SiameseEncoder}
 * maps an image to an L2-normalized embedding ({@link org.cvkit.face.siamese.L2Normalization}), and two images are
 * the same identity when {@code d = ||f(a) - f(b)||^2} is small.
 *
 * <p>Objectives ({@link org.cvkit.face.siamese.SiameseObjective}): the triplet loss
 * {@code max(d(a,p) - d(a,n) + alpha, 0)} ({@link org.cvkit.face.siamese.TripletLoss}) over batch-hard or semi-hard
 * triplets mined inside each mini-batch ({@link org.cvkit.face.siamese.TripletMining}), and the binary variant,
 * logistic regression on {@code |f(a) - f(b)|} over the batch's pairs
 * ({@link org.cvkit.face.siamese.LogisticPairHead}). Both take the identity number of each image as the batch's
 * labels.
 *
 * <p>Data and training: images grouped by identity ({@link org.cvkit.face.siamese.IdentityImages}: a
 * folder-per-identity data set, {@link org.cvkit.face.siamese.IdentityFolders}, or the classes of a labelled set
 * such as Fashion-MNIST), identity-balanced P x K batches ({@link org.cvkit.face.siamese.IdentityBatchIterator}),
 * augmentation and cnn-core's trainer ({@link org.cvkit.face.siamese.SiameseTraining}). Verification is measured on
 * random same/different pairs ({@link org.cvkit.face.siamese.VerificationPairs}) with a threshold chosen on
 * held-out pairs ({@link org.cvkit.face.siamese.ThresholdAccuracy}, over {@link org.cvkit.face.calibration}).
 */
package org.cvkit.face.siamese;
