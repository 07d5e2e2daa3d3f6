package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a project keeps entity state and run history ({@code state:} in {@code hygge.yml}).
 *
 * @param directory the local state directory
 * @param leaseTimeout how long a run's lease holds without renewal; a crashed run blocks its entity
 *     at most this long
 */
public record StateConfig(Path directory, Duration leaseTimeout) {
  /** The state directory under the project when {@code state: path} is not given. */
  public static final String DEFAULT_DIRECTORY = ".hygge/state";

  /** The lease timeout when {@code state: lease_timeout} is not given. */
  public static final String DEFAULT_LEASE_TIMEOUT = "10m";

  public StateConfig {
    requireNonNull(directory, "directory is null");
    requireNonNull(leaseTimeout, "leaseTimeout is null");
    if (leaseTimeout.isNegative() || leaseTimeout.isZero()) {
      throw new IllegalArgumentException("leaseTimeout must be positive");
    }
  }

  /** The defaults for a project in {@code root}. */
  public static StateConfig defaults(Path root) {
    return new StateConfig(
        root.resolve(DEFAULT_DIRECTORY).normalize(), DurationText.parse(DEFAULT_LEASE_TIMEOUT));
  }
}
