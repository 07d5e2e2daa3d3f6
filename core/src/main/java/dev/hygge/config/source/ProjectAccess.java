package dev.hygge.config.source;

import static java.util.Objects.requireNonNull;

/** How a project's object storage is signed: there is no project yet to name a credential. */
public sealed interface ProjectAccess {
  /** The cloud's default chain: the function's role, service account or managed identity. */
  record DefaultChain() implements ProjectAccess {}

  /** Unsigned requests: public buckets, and emulators that take any request. */
  record Anonymous() implements ProjectAccess {}

  /**
   * An Azure Storage connection string (account key or SAS), e.g. Azurite's.
   *
   * @param connectionString the connection string; never shown
   */
  record ConnectionString(String connectionString) implements ProjectAccess {
    public ConnectionString {
      requireNonNull(connectionString, "connectionString is null");
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
      return "ConnectionString[****]";
    }
  }
}
