package org.cvkit.detection.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class WriteBehindTest {

    private final List<Integer> written = new CopyOnWriteArrayList<>();
    private final List<Integer> released = new CopyOnWriteArrayList<>();

    @Test
    void writesAndReleasesEveryItemInOrder() throws Exception {
        try (WriteBehind<Integer> behind = new WriteBehind<>("test", 2, written::add, released::add)) {
            for (int i = 0; i < 20; i++) {
                behind.put(i);
            }
            behind.finish();
        }
        assertThat(written).hasSize(20).isSorted();
        assertThat(released).isEqualTo(written);
    }

    @Test
    void aSinkFailureReachesTheProducerAndEveryItemIsStillReleased() throws Exception {
        try (WriteBehind<Integer> behind = new WriteBehind<>("test", 1, item -> {
            if (item == 3) {
                throw new IOException("disk full");
            }
            written.add(item);
        }, released::add)) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100; i++) {
                    behind.put(i);
                }
                behind.finish();
            }).isInstanceOf(IOException.class).hasMessage("disk full");
        }
        assertThat(written).containsExactly(0, 1, 2);
        assertThat(released).doesNotHaveDuplicates().contains(0, 1, 2, 3);
        assertThat(released.size()).isEqualTo(released.stream().mapToInt(Integer::intValue).max().orElseThrow() + 1);
    }

    @Test
    void closingWithoutFinishingReleasesQueuedItemsWithoutWritingThem() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch mayWrite = new CountDownLatch(1);
        try (WriteBehind<Integer> behind = new WriteBehind<>("test", 4, item -> {
            firstWriteStarted.countDown();
            mayWrite.await();
            written.add(item);
        }, released::add)) {
            behind.put(0);
            firstWriteStarted.await();
            behind.put(1);
            behind.put(2);
            Thread releaser = new Thread(() -> {
                sleepQuietly();
                mayWrite.countDown();
            });
            releaser.start(); // lets the first write finish only after close() has begun
        }
        assertThat(written).containsExactly(0);
        assertThat(released).containsExactlyInAnyOrder(0, 1, 2);
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
