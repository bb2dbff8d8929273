package org.cvkit.detection.media;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Consumes items on a background thread, at most a fixed number behind the producer, so that writing one item
 * overlaps with producing the next. Every item handed over is released once written or, after a failure or an early
 * {@link #close()}, without being written.
 *
 * @param <T> the item type
 */
final class WriteBehind<T> implements AutoCloseable {

    /** Writes the items in order. */
    @FunctionalInterface
    interface Sink<T> {
        /**
         * @param item the item to write; released after this returns
         * @throws Exception if writing fails; the producer gets the exception from its next call
         */
        void write(T item) throws Exception;
    }

    private static final Object END = new Object();
    private static final long POLL_MILLIS = 50;

    private final BlockingQueue<Object> queue;
    private final Consumer<? super T> release;
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean aborted;
    private boolean finished;

    /**
     * Starts the consumer.
     *
     * @param name     the background thread's name
     * @param capacity how many items may wait to be written
     * @param sink     what writes the items; called on the background thread only
     * @param release  what releases an item after it was written or skipped
     */
    WriteBehind(String name, int capacity, Sink<T> sink, Consumer<? super T> release) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.release = release;
        this.thread = new Thread(() -> consume(sink), name);
        thread.setDaemon(true);
        thread.start();
    }

    @SuppressWarnings("unchecked")
    private void consume(Sink<T> sink) {
        try {
            for (Object item = queue.take(); item != END; item = queue.take()) {
                T typed = (T) item;
                try {
                    if (failure == null && !aborted) {
                        sink.write(typed);
                    }
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    release.accept(typed);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Hands an item over to be written; it is released whatever happens.
     *
     * @param item the item
     * @throws Exception            what the sink threw for an earlier item
     * @throws InterruptedException if the producer is interrupted while waiting for room
     */
    void put(T item) throws Exception {
        boolean queued = false;
        try {
            while (!queued) {
                rethrowFailure();
                queued = queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
        } finally {
            if (!queued) {
                release.accept(item);
            }
        }
    }

    /**
     * Waits until every item has been written.
     *
     * @throws Exception what the sink threw
     */
    void finish() throws Exception {
        stop();
        rethrowFailure();
    }

    /** Stops without writing what is still queued (after a failure elsewhere); every queued item is released. */
    @Override
    public void close() throws InterruptedException {
        if (!finished) {
            aborted = true;
            stop();
        }
    }

    private void stop() throws InterruptedException {
        finished = true;
        queue.put(END);
        thread.join();
    }

    private void rethrowFailure() throws Exception {
        Throwable cause = failure;
        if (cause instanceof Exception exception) {
            throw exception;
        }
        if (cause != null) {
            throw new IllegalStateException("writing behind failed", cause);
        }
    }
}
