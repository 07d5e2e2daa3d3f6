package dev.hygge.state;

import static java.util.Objects.requireNonNull;

/**
 * An entity's state as read, with the version a compare-and-swap write must name.
 *
 * @param state the state
 * @param version its version
 */
public record VersionedState(EntityState state, StateVersion version) {
  public VersionedState {
    requireNonNull(state, "state is null");
    requireNonNull(version, "version is null");
  }
}
