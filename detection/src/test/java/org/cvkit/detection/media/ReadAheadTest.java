package org.cvkit.detection.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void deliversEveryItemInOrderThenNull() throws Exception {
        AtomicInteger counter = new AtomicInteger();
        List<Integer> taken = new ArrayList<>();
        try (ReadAhead<Integer> ahead = new ReadAhead<>("test", 2,
                () -> counter.get() < 10 ? counter.getAndIncrement() : null, item -> { })) {
            for (Integer item = ahead.next(); item != null; item = ahead.next()) {
                taken.add(item);
            }
            assertThat(ahead.next()).isNull();
        }
        assertThat(taken).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void handsTheSourceFailureToTheConsumerAfterTheItemsBeforeIt() throws Exception {
        AtomicInteger counter = new AtomicInteger();
        try (ReadAhead<Integer> ahead = new ReadAhead<>("test", 4, () -> {
            if (counter.get() == 2) {
                throw new IOException("disk gone");
            }
            return counter.getAndIncrement();
        }, item -> { })) {
            assertThat(ahead.next()).isZero();
            assertThat(ahead.next()).isOne();
            assertThatThrownBy(ahead::next).isInstanceOf(IOException.class).hasMessage("disk gone");
            assertThat(ahead.next()).isNull();
        }
    }

    @Test
    void closingEarlyDiscardsEveryItemNotTakenAndStopsTheSource() throws Exception {
        AtomicInteger produced = new AtomicInteger();
        List<Integer> discarded = new CopyOnWriteArrayList<>();
        Integer first;
        try (ReadAhead<Integer> ahead = new ReadAhead<>("test", 3, produced::getAndIncrement, discarded::add)) {
            first = ahead.next();
            Thread.sleep(100); // let the producer fill the queue and block
        }
        assertThat(first).isZero();
        assertThat(discarded).hasSize(produced.get() - 1).doesNotContain(0);
        assertThat(produced.get()).isLessThanOrEqualTo(1 + 3 + 1);
    }
}
