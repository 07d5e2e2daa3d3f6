package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * What every {@link RunJournal} must do, checked the same way on each backend: give back the newest
 * runs oldest first, across days and years, filtered by flow and entity, and keep no more than its
 * limit once it grew a tenth past it.
 */
public final class RunHistoryChecks {
  /** "Now" for journals that walk back from the current year. */
  public static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

  private RunHistoryChecks() {}

  /** A successful run of {@code flow.entity} that started at {@code started}. */
  public static RunRecord run(String runId, String flow, String entity, String started) {
    Instant at = Instant.parse(started);
    return new RunRecord(
        runId,
        flow,
        entity,
        at,
        at.plusSeconds(3),
        "SUCCESS",
        42,
        1_000,
        1,
        0,
        Optional.of("updated_at > 2024-05-01T10:00"),
        Optional.of("updated_at = 2024-05-01T10:00"),
        Optional.of("updated_at = 2024-05-02T10:00"),
        Optional.empty(),
        Optional.empty());
  }

  /** Appends runs over three years and reads them back through {@link RunJournal#last}. */
  public static void lastRunsAcrossYearsAndFilters(RunJournal journal) {
    RunRecord r1 = run("20241231T230000Z-000001", "shop", "orders", "2024-12-31T23:00:00Z");
    RunRecord r2 = run("20250101T010000Z-000002", "shop", "customers", "2025-01-01T01:00:00Z");
    RunRecord r3 = run("20261127T080000Z-000003", "shop", "orders", "2026-11-27T08:00:00Z");
    RunRecord r4 = run("20261127T090000Z-000004", "sales", "orders", "2026-11-27T09:00:00Z");
    RunRecord r5 =
        RunRecord.reset(
            "20261127T100000Z-000005",
            new EntityKey("shop", "orders"),
            Instant.parse("2026-11-27T10:00:00Z"),
            Optional.of("updated_at = 2024-05-02T10:00"));
    List.of(r1, r2, r3, r4, r5).forEach(journal::append);

    assertThat(journal.last(2, RunFilter.all())).containsExactly(r4, r5);
    assertThat(journal.last(100, RunFilter.all())).containsExactly(r1, r2, r3, r4, r5);
    assertThat(journal.last(2, new RunFilter(Optional.empty(), Optional.of("shop.orders"))))
        .containsExactly(r3, r5);
    assertThat(journal.last(100, new RunFilter(Optional.of("shop"), Optional.empty())))
        .containsExactly(r1, r2, r3, r5);
    assertThat(journal.last(100, new RunFilter(Optional.of("sales"), Optional.empty())))
        .containsExactly(r4);
    assertThat(journal.last(5, new RunFilter(Optional.of("shop"), Optional.of("sales.orders"))))
        .isEmpty();
  }

  /**
   * Appends runs one past the limit and its tenth of slack, and checks that the oldest went.
   *
   * @param journals a journal keeping the given number of runs
   */
  public static void keepsItsLimit(IntFunction<RunJournal> journals) {
    int limit = 10;
    List<RunRecord> runs =
        IntStream.rangeClosed(1, limit + 2)
            .mapToObj(
                i ->
                    run(
                        String.format("20261127T%06dZ-%06d", i, i),
                        "shop",
                        "orders",
                        String.format("2026-11-27T00:00:%02dZ", i)))
            .toList();
    try (RunJournal journal = journals.apply(limit)) {
      runs.subList(0, limit + 1).forEach(journal::append);
      assertThat(journal.last(100, RunFilter.all()))
          .as("within its slack")
          .containsExactlyElementsOf(runs.subList(0, limit + 1));

      journal.append(runs.get(limit + 1));

      assertThat(journal.last(100, RunFilter.all()))
          .containsExactlyElementsOf(runs.subList(2, limit + 2));
    }
  }
}
