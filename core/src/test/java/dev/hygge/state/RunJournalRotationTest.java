package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run history stays within its limit: the oldest runs go once it grows a tenth past it. */
class RunJournalRotationTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final EntityKey ORDERS = new EntityKey("shop", "orders");

  @TempDir Path dir;

  private static RunRecord run(int number) {
    return RunRecord.reset("run-" + number, ORDERS, T0.plusSeconds(number), Optional.empty());
  }

  @Test
  void keepsTheLastRunsOnceItGrowsPastItsLimitAndSlack() throws Exception {
    LocalRunJournal journal = new LocalRunJournal(dir, 20);

    IntStream.rangeClosed(1, 22).forEach(i -> journal.append(run(i)));
    assertThat(journal.read()).hasSize(22).first().isEqualTo(run(1));

    journal.append(run(23));

    List<RunRecord> kept = journal.read();
    assertThat(kept).hasSize(20);
    assertThat(kept.get(0)).isEqualTo(run(4));
    assertThat(kept.get(19)).isEqualTo(run(23));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary file is left behind")
          .containsExactlyInAnyOrder(
              LocalRunJournal.FILE_NAME, "." + LocalRunJournal.FILE_NAME + ".lock");
    }
  }

  @Test
  void aResetIsALineOfItsOwn() {
    LocalRunJournal journal = new LocalRunJournal(dir);
    RunRecord reset =
        RunRecord.reset("run-9", ORDERS, T0, Optional.of("updated_at = 2024-01-02T00:00"));
    journal.append(reset);

    assertThat(journal.read()).containsExactly(reset);
    assertThat(RunRecordJson.encode(reset))
        .contains("\"status\":\"RESET\"")
        .contains("\"watermark_before\":\"updated_at = 2024-01-02T00:00\"");
  }
}
