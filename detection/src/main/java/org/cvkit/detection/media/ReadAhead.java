package org.cvkit.detection.media;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Produces items on a background thread, at most a fixed number ahead of the consumer, so that producing the next
 * item overlaps with using the current one. Items the consumer never takes are discarded on {@link #close()}.
 *
 * @param <T> the item type
 */
final class ReadAhead<T> implements AutoCloseable {

    /** Produces the items in order. */
    @FunctionalInterface
    interface Source<T> {
        /**
         * @return the next item, or {@code null} when there are no more
         * @throws Exception if producing fails; the consumer gets the exception from {@link ReadAhead#next()}
         */
        T next() throws Exception;
    }

    private static final Object END = new Object();
    private static final long POLL_MILLIS = 50;

    private final BlockingQueue<Object> queue;
    private final Consumer<? super T> discard;
    private final Thread thread;
    private volatile boolean closed;
    private boolean ended;

    /**
     * Starts producing.
     *
     * @param name     the background thread's name
     * @param capacity how many items may wait for the consumer
     * @param source   what produces the items; called on the background thread only
     * @param discard  what releases an item nobody will take
     */
    ReadAhead(String name, int capacity, Source<T> source, Consumer<? super T> discard) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.discard = discard;
        this.thread = new Thread(() -> produce(source), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void produce(Source<T> source) {
        try {
            T item;
            while (!closed && (item = source.next()) != null) {
                if (!handOver(item)) {
                    discard.accept(item);
                    return;
                }
            }
            handOver(END);
        } catch (Throwable e) {
            handOver(new Failure(e));
        }
    }

    private boolean handOver(Object item) {
        try {
            while (!closed) {
                if (queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /**
     * @return the next item, or {@code null} once the source has no more
     * @throws Exception            what the source threw
     * @throws InterruptedException if the consumer is interrupted while waiting
     */
    @SuppressWarnings("unchecked")
    T next() throws Exception {
        if (ended) {
            return null;
        }
        Object item = queue.take();
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof Failure failure) {
            ended = true;
            throw failure.cause() instanceof Exception exception ? exception : new IllegalStateException(
                    "reading ahead failed", failure.cause());
        }
        return (T) item;
    }

    /** Stops the producer, waits for it, and discards every item not taken. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        try {
            thread.join();
        } finally {
            discardQueued();
        }
    }

    @SuppressWarnings("unchecked")
    private void discardQueued() {
        for (Object item = queue.poll(); item != null; item = queue.poll()) {
            if (item != END && !(item instanceof Failure)) {
                discard.accept((T) item);
            }
        }
    }

    /** A producer failure, handed to the consumer in the item's place. */
    private record Failure(Throwable cause) {
    }
}
