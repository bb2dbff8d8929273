package org.cvkit.face.siamese;

/**
 * The loss of {@link LogisticPairHead} over one mini-batch and its gradients, worked out in plain Java: every ordered
 * pair {@code (i, j)}, {@code i != j}, has the logit {@code z = sum_k w_k |e_ik - e_jk| + b} and the cross-entropy
 * {@code softplus(z) - y z} against {@code y = 1} for the same identity and 0 otherwise; image {@code i}'s loss
 * {@code L_i} is the mean over its same-identity pairs plus the mean over its other pairs, halved (a kind with no
 * pair adds 0). The gradients are those of the sum of the {@code L_i}, as DL4J layers report them (its updater divides
 * by the batch size); {@code |x|} has the subgradient 0 at 0.
 *
 * @param imageLosses the {@code L_i}, one per image
 * @param embeddings  the gradient with respect to each image's embedding, {@code n x dimension}
 * @param weights     the gradient with respect to {@code w}
 * @param bias        the gradient with respect to {@code b}
 */
record LogisticPairLoss(double[] imageLosses, double[][] embeddings, double[] weights, double bias) {

    /**
     * @param embeddings the embeddings of a batch, {@code n x dimension}, n at least 1
     * @param identities the identity of each image
     * @param weights    {@code w}, one per dimension
     * @param bias       {@code b}
     * @return the losses and gradients
     */
    static LogisticPairLoss of(double[][] embeddings, int[] identities, double[] weights, double bias) {
        int n = embeddings.length;
        int dimension = weights.length;
        double[][] pairWeights = pairWeights(identities);
        double[] imageLosses = new double[n];
        double[][] dEmbeddings = new double[n][dimension];
        double[] dWeights = new double[dimension];
        double dBias = 0;
        double[] differences = new double[dimension];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double logit = bias;
                for (int k = 0; k < dimension; k++) {
                    differences[k] = embeddings[i][k] - embeddings[j][k];
                    logit += weights[k] * Math.abs(differences[k]);
                }
                double same = identities[i] == identities[j] ? 1 : 0;
                double crossEntropy = Math.max(logit, 0) - same * logit + Math.log1p(Math.exp(-Math.abs(logit)));
                imageLosses[i] += pairWeights[i][j] * crossEntropy;
                imageLosses[j] += pairWeights[j][i] * crossEntropy;
                double dLogit = (pairWeights[i][j] + pairWeights[j][i]) * (sigmoid(logit) - same);
                dBias += dLogit;
                for (int k = 0; k < dimension; k++) {
                    dWeights[k] += dLogit * Math.abs(differences[k]);
                    double dDifference = dLogit * weights[k] * Math.signum(differences[k]);
                    dEmbeddings[i][k] += dDifference;
                    dEmbeddings[j][k] -= dDifference;
                }
            }
        }
        return new LogisticPairLoss(imageLosses, dEmbeddings, dWeights, dBias);
    }

    /** @return the mean of the image losses */
    double score() {
        double sum = 0;
        for (double loss : imageLosses) {
            sum += loss;
        }
        return sum / imageLosses.length;
    }

    /** @return {@code c_ij}: half of one over image i's count of pairs of the kind (same or other) of pair (i, j) */
    private static double[][] pairWeights(int[] identities) {
        int n = identities.length;
        double[][] weights = new double[n][n];
        for (int i = 0; i < n; i++) {
            int same = 0;
            for (int j = 0; j < n; j++) {
                if (j != i && identities[j] == identities[i]) {
                    same++;
                }
            }
            int other = n - 1 - same;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    weights[i][j] = 0.5 / (identities[j] == identities[i] ? same : other);
                }
            }
        }
        return weights;
    }

    private static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
