package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compare-and-swap writes of entity state that settle an unknown outcome the way the {@link
 * StateStore} contract asks: by reading the state back. When it holds exactly the state written,
 * the write happened and the run goes on from it; otherwise the unknown outcome stands, and the
 * next run reads whatever the store holds.
 */
final class SettledWrites {
  private static final Logger LOG = LoggerFactory.getLogger(SettledWrites.class);

  private final StateStore store;

  SettledWrites(StateStore store) {
    this.store = requireNonNull(store, "store is null");
  }

  /**
   * Writes {@code state} if the stored version is still {@code expected}.
   *
   * @return the state as stored, with its version
   * @throws StateConflictException as {@link StateStore#write} does
   * @throws StateOutcomeUnknownException when the outcome is unknown and reading back does not show
   *     the state written (not yet, or the read failed too)
   */
  VersionedState write(EntityKey key, EntityState state, Optional<StateVersion> expected) {
    try {
      return new VersionedState(state, store.write(key, state, expected));
    } catch (StateOutcomeUnknownException unknown) {
      Optional<VersionedState> stored;
      try {
        stored = store.read(key);
      } catch (HyggeException readFailure) {
        unknown.addSuppressed(readFailure);
        throw unknown;
      }
      if (stored.isPresent() && stored.get().state().equals(state)) {
        LOG.info(
            "The state of entity {} was saved although its reply was lost: read back at version"
                + " {}",
            key.qualifiedName(),
            stored.get().version());
        return stored.get();
      }
      throw unknown;
    }
  }
}
