package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.files.LocalObjectVersions;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.local.LocalObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processed-object journal: new and changed objects, one entry per location, bounded. */
class ObjectJournalTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void takesNewObjectsAndNewVersionsOnly() {
    ObjectVersion a1 = new ObjectVersion("/l/a.csv", "10-1");
    ObjectVersion b1 = new ObjectVersion("/l/b.csv", "20-1");
    ObjectJournal journal =
        ObjectJournal.empty().record(List.of(a1, b1), "run-1", T0, Set.of("/l/a.csv", "/l/b.csv"));

    ObjectVersion a2 = new ObjectVersion("/l/a.csv", "12-2");
    ObjectVersion c1 = new ObjectVersion("/l/c.csv", "5-3");
    assertThat(journal.unloaded(List.of(a2, b1, c1))).containsExactly(a2, c1);

    ObjectJournal next =
        journal.record(
            List.of(a2, c1),
            "run-2",
            T0.plusSeconds(60),
            Set.of("/l/a.csv", "/l/b.csv", "/l/c.csv"));
    assertThat(next.entries()).extracting(JournalEntry::object).containsExactly(b1, a2, c1);
  }

  @Test
  void compactionKeepsPresentObjectsAndABoundedTailOfGoneOnes() {
    List<ObjectVersion> gone = new ArrayList<>();
    ObjectJournal journal = ObjectJournal.empty();
    int total = ObjectJournal.RETAINED_ABSENT_ENTRIES + 500;
    for (int i = 0; i < total; i++) {
      ObjectVersion object = new ObjectVersion("/l/" + i + ".csv", "1-" + i);
      gone.add(object);
      journal = journal.record(List.of(object), "run-" + i, T0.plusSeconds(i), Set.of());
    }
    ObjectVersion kept = new ObjectVersion("/l/kept.csv", "1-1");
    journal =
        journal.record(List.of(kept), "run-last", T0.plusSeconds(total), Set.of("/l/kept.csv"));

    assertThat(journal.entries()).hasSize(ObjectJournal.RETAINED_ABSENT_ENTRIES + 1);
    assertThat(journal.contains(kept)).isTrue();
    assertThat(journal.contains(gone.get(total - 1))).as("newest gone entry kept").isTrue();
    assertThat(journal.contains(gone.get(0))).as("oldest gone entry dropped").isFalse();
  }

  @Test
  void localFilesAreKeyedAsTheLocalObjectStoreListsThem(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("a.csv"), "id\n1\n");

    ObjectVersion fromHome = LocalObjectVersions.of(List.of(file), "shop.orders").get(0);
    ObjectInfo fromStore = new LocalObjectStore().stat(Location.of(file)).orElseThrow();

    assertThat(fromHome).isEqualTo(ObjectVersion.of(fromStore));
    assertThat(LocalObjectVersions.files(List.of(fromHome))).containsExactly(file);
  }
}
