package dev.hygge.state;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run history in a local directory ({@code runs.jsonl}). */
class LocalRunHistoryTest {
  @TempDir Path dir;

  @Test
  void lastRunsAcrossYearsAndFilters() {
    RunHistoryChecks.lastRunsAcrossYearsAndFilters(new LocalRunJournal(dir));
  }

  @Test
  void keepsItsLimit() {
    RunHistoryChecks.keepsItsLimit(limit -> new LocalRunJournal(dir, limit));
  }
}
