package org.cvkit.core.data;

import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * What cvkit's batch iterators share: an optional pre-processor that every batch goes through (normalization,
 * augmentation) before it is handed out, support for {@link #reset()} to start the next epoch, and a known epoch
 * size, so that progress bars have a length from the first epoch on.
 */
public abstract class PreProcessedBatches implements DataSetIterator {

    private static final long serialVersionUID = 1L;

    private DataSetPreProcessor preProcessor;

    /**
     * @param batch a freshly built batch
     * @return the same batch, changed in place by the pre-processor if one is set
     */
    protected final <T extends DataSet> T preProcessed(T batch) {
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    /** @return the examples one epoch hands out, from {@link #reset()} to the last batch */
    public abstract long examplesPerEpoch();

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }
}
