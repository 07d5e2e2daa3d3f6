package dev.hygge.invoke.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.invoke.ManualRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Batching and retries of {@link BatchedRunQueue}, over a hand-written in-memory transport (a fake:
 * no service throttles on demand) that refuses chosen entries a chosen number of times.
 */
class BatchedRunQueueTest {
  private static final SendRetry QUICK = new SendRetry(3, Duration.ZERO, Duration.ZERO);

  /** Accepts entries into {@link #accepted}, refusing those in {@link #refusals} first. */
  private static final class ScriptedTransport implements QueueTransport {
    final int maxBatch;
    final List<List<ManualRun>> calls = new ArrayList<>();
    final List<ManualRun> accepted = new ArrayList<>();
    final Map<String, Integer> refusals = new HashMap<>();
    final Map<String, Boolean> retryable = new HashMap<>();

    ScriptedTransport(int maxBatch) {
      this.maxBatch = maxBatch;
    }

    void refuse(String entity, int times, boolean canRetry) {
      refusals.put(entity, times);
      retryable.put(entity, canRetry);
    }

    @Override
    public String describe() {
      return "scripted queue";
    }

    @Override
    public int maxBatch() {
      return maxBatch;
    }

    @Override
    public BatchOutcome send(List<ManualRun> batch) {
      assertThat(batch.size()).isLessThanOrEqualTo(maxBatch);
      calls.add(List.copyOf(batch));
      List<SentRun> sent = new ArrayList<>();
      List<FailedRun> failed = new ArrayList<>();
      for (ManualRun run : batch) {
        int left = refusals.getOrDefault(run.entity(), 0);
        if (left > 0) {
          refusals.put(run.entity(), left - 1);
          failed.add(
              new FailedRun(run, "ThrottlingException: slow down", retryable.get(run.entity())));
        } else {
          accepted.add(run);
          sent.add(new SentRun(run, "id-" + run.entity()));
        }
      }
      return new BatchOutcome(sent, failed);
    }

    @Override
    public void close() {}
  }

  private static List<ManualRun> runs(int count) {
    return FanOutProject.entities(count).stream().map(e -> new ManualRun("sales", e)).toList();
  }

  @Test
  void splitsRunsIntoBatchesOfTheServiceSize() {
    ScriptedTransport transport = new ScriptedTransport(10);
    try (RunQueue queue = new BatchedRunQueue(transport, QUICK)) {
      List<SentRun> sent = queue.send(runs(23));

      assertThat(transport.calls).extracting(List::size).containsExactly(10, 10, 3);
      assertThat(sent).hasSize(23);
      assertThat(sent.get(22)).isEqualTo(new SentRun(new ManualRun("sales", "e23"), "id-e23"));
    }
  }

  @Test
  void resendsOnlyTheEntriesThatWereThrottled() {
    ScriptedTransport transport = new ScriptedTransport(10);
    transport.refuse("e03", 1, true);
    transport.refuse("e07", 2, true);
    try (RunQueue queue = new BatchedRunQueue(transport, QUICK)) {
      List<SentRun> sent = queue.send(runs(12));

      assertThat(transport.calls).hasSize(4);
      assertThat(transport.calls.get(2))
          .containsExactly(new ManualRun("sales", "e03"), new ManualRun("sales", "e07"));
      assertThat(transport.calls.get(3)).containsExactly(new ManualRun("sales", "e07"));
      assertThat(sent).extracting(SentRun::qualifiedName).hasSize(12).doesNotHaveDuplicates();
      assertThat(transport.accepted).hasSize(12);
    }
  }

  @Test
  void failsNamingWhatWasSentAndWhatStillFailsAfterTheLastTry() {
    ScriptedTransport transport = new ScriptedTransport(10);
    transport.refuse("e02", 3, true);
    try (RunQueue queue = new BatchedRunQueue(transport, QUICK)) {
      assertThatThrownBy(() -> queue.send(runs(3)))
          .isInstanceOf(HyggeException.class)
          .hasMessage(
              "Cannot send every run message to scripted queue: 2 of 3 sent (sales.e01,"
                  + " sales.e03). Still failing after 3 tries: sales.e02 (ThrottlingException:"
                  + " slow down). Run the schedule again once the queue accepts messages (the"
                  + " runs already sent need not be repeated), or raise hygge.fanout.attempts.")
          .extracting(e -> ((HyggeException) e).kind())
          .isEqualTo(ErrorKind.STORE);
      assertThat(transport.calls).hasSize(3);
    }
  }

  @Test
  void doesNotRetryAnEntryTheServiceWillAlwaysRefuse() {
    ScriptedTransport transport = new ScriptedTransport(10);
    transport.refuse("e01", 1, false);
    try (RunQueue queue = new BatchedRunQueue(transport, QUICK)) {
      assertThatThrownBy(() -> queue.send(runs(2)))
          .isInstanceOf(HyggeException.class)
          .hasMessageStartingWith(
              "Cannot send every run message to scripted queue: 1 of 2 sent (sales.e02)."
                  + " Refused: sales.e01 (ThrottlingException: slow down).");
      assertThat(transport.calls).hasSize(1);
    }
  }

  @Test
  void backoffDoublesUpToTheLongestWait() {
    SendRetry retry = new SendRetry(6, Duration.ofMillis(200), Duration.ofMillis(1000));

    assertThat(List.of(1, 2, 3, 4, 5))
        .extracting(retry::backoffAfter)
        .containsExactly(
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(800),
            Duration.ofMillis(1000),
            Duration.ofMillis(1000));
  }
}
