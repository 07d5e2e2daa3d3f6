package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects a file entity has loaded, one entry per location (its latest loaded version), so a
 * scheduled run takes only new or changed objects and a repeated object event is a no-op.
 *
 * @param entries the entries, oldest first
 */
public record ObjectJournal(List<JournalEntry> entries) {
  /** Entries kept for objects that are gone from the home, newest first, beyond those present. */
  public static final int RETAINED_ABSENT_ENTRIES = 1_000;

  public ObjectJournal {
    entries = List.copyOf(requireNonNull(entries, "entries is null"));
  }

  /** A journal with no entries. */
  public static ObjectJournal empty() {
    return new ObjectJournal(List.of());
  }

  /** Whether this exact version of the object was loaded before. */
  public boolean contains(ObjectVersion object) {
    return entries.stream().anyMatch(e -> e.object().equals(object));
  }

  /** Of {@code listed}, those not loaded before (new objects, or new versions of loaded ones). */
  public List<ObjectVersion> unloaded(List<ObjectVersion> listed) {
    Set<ObjectVersion> loaded = new HashSet<>();
    entries.forEach(e -> loaded.add(e.object()));
    return listed.stream().filter(o -> !loaded.contains(o)).toList();
  }

  /**
   * This journal with {@code loaded} recorded, then compacted: one entry per location, every entry
   * for an object still {@code present}, and at most {@link #RETAINED_ABSENT_ENTRIES} of the newest
   * entries for objects no longer there.
   */
  public ObjectJournal record(
      List<ObjectVersion> loaded, String runId, Instant at, Set<String> present) {
    Map<String, JournalEntry> byLocation = new LinkedHashMap<>();
    entries.forEach(e -> byLocation.put(e.object().location(), e));
    for (ObjectVersion object : loaded) {
      byLocation.remove(object.location());
      byLocation.put(object.location(), new JournalEntry(object, runId, at));
    }
    List<JournalEntry> kept = new ArrayList<>();
    List<JournalEntry> absent = new ArrayList<>();
    for (JournalEntry entry : byLocation.values()) {
      (present.contains(entry.object().location()) ? kept : absent).add(entry);
    }
    absent.sort(Comparator.comparing(JournalEntry::loaded).reversed());
    kept.addAll(absent.subList(0, Math.min(absent.size(), RETAINED_ABSENT_ENTRIES)));
    kept.sort(Comparator.comparing(JournalEntry::loaded));
    return new ObjectJournal(kept);
  }
}
