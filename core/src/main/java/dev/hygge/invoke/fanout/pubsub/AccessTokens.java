package dev.hygge.invoke.fanout.pubsub;

import java.io.IOException;
import java.util.Optional;

/** Where the bearer token of Pub/Sub requests comes from; empty sends requests unsigned. */
@FunctionalInterface
public interface AccessTokens {
  /**
   * The current access token, refreshed when it nears expiry.
   *
   * @throws IOException when no credentials can be found or a token cannot be had
   */
  Optional<String> token() throws IOException;

  /** Unsigned requests, for the Pub/Sub emulator and test fakes. */
  static AccessTokens none() {
    return Optional::empty;
  }
}
