package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes, renews and gives back an entity's lease through compare-and-swap writes of its state, so
 * the same code guards every backend.
 */
final class Leases {
  /** Attempts to take a lease when other writers keep changing the state in between. */
  private static final int ACQUIRE_ATTEMPTS = 3;

  private final StateStore store;
  private final SettledWrites writes;
  private final Duration timeout;
  private final Clock clock;

  Leases(StateStore store, Duration timeout, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.writes = new SettledWrites(store);
    this.timeout = requireNonNull(timeout, "timeout is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Takes the entity's lease for a run.
   *
   * @return the state with the lease, and its version
   * @throws HyggeException of kind STATE when another run holds the lease, naming that run and when
   *     its lease expires
   */
  VersionedState acquire(EntityKey key, String runId) {
    StateConflictException last = null;
    for (int attempt = 0; attempt < ACQUIRE_ATTEMPTS; attempt++) {
      Optional<VersionedState> current = store.read(key);
      EntityState state = current.map(VersionedState::state).orElse(EntityState.initial(key));
      Instant now = clock.instant();
      Optional<Lease> held = state.lease().filter(l -> l.heldAt(now) && !l.runId().equals(runId));
      if (held.isPresent()) {
        throw busy(key, held.get());
      }
      EntityState leased = state.withLease(Optional.of(new Lease(runId, now, now.plus(timeout))));
      try {
        return writes.write(key, leased, current.map(VersionedState::version));
      } catch (StateConflictException e) {
        last = e;
      }
    }
    throw last;
  }

  /** The state with the lease moved forward from now. */
  VersionedState renew(EntityKey key, VersionedState held, String runId) {
    Instant now = clock.instant();
    EntityState renewed =
        held.state().withLease(Optional.of(new Lease(runId, now, now.plus(timeout))));
    return writes.write(key, renewed, Optional.of(held.version()));
  }

  /** Gives the lease back. */
  void release(EntityKey key, VersionedState held) {
    writes.write(key, held.state().withLease(Optional.empty()), Optional.of(held.version()));
  }

  /**
   * Saves a run's advanced state (the lease kept), settling an unknown outcome by reading back.
   *
   * @throws HyggeException of kind STATE as {@link SettledWrites#write} does
   */
  VersionedState advance(EntityKey key, VersionedState held, EntityState advanced) {
    return writes.write(key, advanced, Optional.of(held.version()));
  }

  /** The time between renewals: a third of the timeout, so two can fail before it lapses. */
  Duration renewEvery() {
    return timeout.dividedBy(3);
  }

  private HyggeException busy(EntityKey key, Lease lease) {
    return new HyggeException(
        ErrorKind.STATE,
        "Entity "
            + key.qualifiedName()
            + " is already being run by run "
            + lease.runId()
            + " (started "
            + lease.acquired()
            + "; its lease expires at "
            + lease.expires()
            + "). Two runs of one entity at the same time are refused: wait for that run to"
            + " finish. If it crashed, its lease lapses at "
            + lease.expires()
            + " and the entity can run again (state: "
            + store.describe(key)
            + ").");
  }
}
