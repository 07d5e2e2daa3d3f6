package dev.hygge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Parts go out concurrently up to the limit, buffers are recycled, and failures surface. */
class PartUploadsTest {
  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void stop() throws InterruptedException {
    executor.shutdownNow();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void atMostTheLimitIsInFlightAndEveryPartArrivesWithItsBytes() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Map<String, Byte> received = new ConcurrentHashMap<>();
    Set<byte[]> buffers =
        Collections.newSetFromMap(Collections.synchronizedMap(new IdentityHashMap<>()));
    PartUploads uploads =
        new PartUploads(
            (key, bytes, length) -> {
              most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              buffers.add(bytes);
              received.put(key, bytes[length - 1]);
              sleep();
              inFlight.decrementAndGet();
            },
            executor,
            3,
            16);

    for (int part = 1; part <= 12; part++) {
      uploads.buffer()[9] = (byte) part;
      uploads.send(Integer.toString(part), 10);
    }
    uploads.awaitAll();

    assertThat(most.get()).isEqualTo(3);
    assertThat(buffers).hasSizeLessThanOrEqualTo(4);
    assertThat(received).hasSize(12);
    for (int part = 1; part <= 12; part++) {
      assertThat(received.get(Integer.toString(part))).isEqualTo((byte) part);
    }
  }

  @Test
  void aFailedPartIsReportedByTheNextSendOrTheWait() throws Exception {
    CountDownLatch failedOnce = new CountDownLatch(1);
    PartUploads uploads =
        new PartUploads(
            (key, bytes, length) -> {
              if (key.equals("2")) {
                failedOnce.countDown();
                throw new IllegalStateException("part 2 refused");
              }
            },
            executor,
            2,
            8);

    uploads.send("1", 8);
    uploads.send("2", 8);
    assertThat(failedOnce.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(uploads::awaitAll).hasMessage("part 2 refused");
    assertThatThrownBy(() -> uploads.send("3", 8)).hasMessage("part 2 refused");
  }

  @Test
  void withConcurrencyOneEachPartIsSentInTheCallersThread() throws Exception {
    Thread caller = Thread.currentThread();
    AtomicInteger sentHere = new AtomicInteger();
    PartUploads uploads =
        new PartUploads(
            (key, bytes, length) -> {
              if (Thread.currentThread() == caller) {
                sentHere.incrementAndGet();
              }
            },
            executor,
            1,
            8);

    uploads.send("1", 8);
    uploads.send("2", 8);
    uploads.awaitAll();

    assertThat(sentHere.get()).isEqualTo(2);
  }

  private static void sleep() {
    try {
      Thread.sleep(30);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
