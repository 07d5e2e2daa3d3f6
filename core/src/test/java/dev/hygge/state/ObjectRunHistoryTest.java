package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.storage.Location;
import dev.hygge.storage.local.LocalObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run history as one object per entity run under a state prefix, on local files. */
class ObjectRunHistoryTest {
  @TempDir Path dir;

  private ObjectRunJournal journal(int limit) {
    return new ObjectRunJournal(
        new LocalObjectStore(), Location.of(dir.resolve("state")), limit, RunHistoryChecks.NOW);
  }

  @Test
  void lastRunsAcrossYearsAndFilters() {
    try (ObjectRunJournal journal = journal(100)) {
      RunHistoryChecks.lastRunsAcrossYearsAndFilters(journal);
    }
  }

  @Test
  void keepsItsLimit() {
    RunHistoryChecks.keepsItsLimit(this::journal);
  }

  @Test
  void eachRunIsAnObjectUnderItsDate() {
    try (ObjectRunJournal journal = journal(100)) {
      RunRecord run =
          RunHistoryChecks.run("20261127T080000Z-00000a", "shop", "orders", "2026-11-27T08:00:00Z");
      journal.append(run);

      Path object =
          dir.resolve(
              "state/runs/2026/11/27/080000000000-20261127T080000Z-00000a-shop.orders.json");
      assertThat(object).exists();
      assertThat(journal.location(run)).isEqualTo(Location.of(object));
    }
  }

  @Test
  void anUnreadableRecordIsSkipped() throws Exception {
    try (ObjectRunJournal journal = journal(100)) {
      RunRecord run =
          RunHistoryChecks.run("20261127T080000Z-00000a", "shop", "orders", "2026-11-27T08:00:00Z");
      journal.append(run);
      Path broken =
          Files.createDirectories(dir.resolve("state/runs/2026/11/28"))
              .resolve("000000000000-20261128T000000Z-00000b-shop.orders.json");
      Files.writeString(broken, "{not json");

      assertThat(journal.last(10, RunFilter.all())).containsExactly(run);
    }
  }
}
