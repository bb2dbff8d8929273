package org.cvkit.core.train;

import org.deeplearning4j.nn.api.Model;

/**
 * A held-out score for networks that are not classifiers, which {@link Trainer} measures after every epoch in place
 * of classification accuracy: for example the verification accuracy of an embedding on pairs of held-out identities,
 * or a detector's mAP on held-out images. Higher is better; {@link EarlyStopping#onAccuracy(int)} watches it.
 */
@FunctionalInterface
public interface HeldOutScore {

    /**
     * @param network the network after an epoch; measure it without training it
     * @return the score, higher is better
     */
    double measure(Model network);
}
