package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Everything hygge remembers about one entity between runs: who is running it now, how far its
 * committed data reaches, which objects it has loaded.
 *
 * @param key the entity
 * @param lease the run holding the entity, if any
 * @param watermark the watermark after the last committed run, if any
 * @param journal the objects loaded so far (file homes)
 * @param lastRunId the run that last advanced this state, if any
 */
public record EntityState(
    EntityKey key,
    Optional<Lease> lease,
    Optional<StoredWatermark> watermark,
    ObjectJournal journal,
    Optional<String> lastRunId) {
  public EntityState {
    requireNonNull(key, "key is null");
    requireNonNull(lease, "lease is null");
    requireNonNull(watermark, "watermark is null");
    requireNonNull(journal, "journal is null");
    requireNonNull(lastRunId, "lastRunId is null");
  }

  /** The state of an entity that never ran. */
  public static EntityState initial(EntityKey key) {
    return new EntityState(
        key, Optional.empty(), Optional.empty(), ObjectJournal.empty(), Optional.empty());
  }

  /** This state with another lease (or none). */
  public EntityState withLease(Optional<Lease> newLease) {
    return new EntityState(key, newLease, watermark, journal, lastRunId);
  }

  /** This state advanced by a committed run. */
  public EntityState advanced(
      Optional<StoredWatermark> newWatermark, ObjectJournal newJournal, String runId) {
    return new EntityState(key, lease, newWatermark, newJournal, Optional.of(runId));
  }
}
