package dev.hygge.state;

import dev.hygge.storage.ObjectStores;

/** Opens the {@link StateStore} a project's {@code state:} block names. */
public final class StateStores {
  private StateStores() {}

  /** The state store of {@code config}; the caller closes it. */
  public static StateStore open(StateConfig config) {
    StateLocation location = config.location();
    if (location instanceof StateLocation.Objects objects) {
      return new ObjectStateStore(ObjectStores.open(objects.target()), objects.target().location());
    }
    if (location instanceof StateLocation.Table table) {
      return new DatabaseStateStore(table.database(), table.table());
    }
    return new LocalStateStore(config.directory());
  }
}
