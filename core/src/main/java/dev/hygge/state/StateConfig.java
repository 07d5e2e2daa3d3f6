package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a project keeps entity state and run history ({@code state:} in {@code hygge.yml}).
 *
 * @param directory the local state directory: it holds the entity state when {@code location} is a
 *     {@link StateLocation.Directory}, and the run history when that is local or {@code history} is
 *     {@link HistoryPlace#DIRECTORY}
 * @param leaseTimeout how long a run's lease holds without renewal; a crashed run blocks its entity
 *     at most this long
 * @param location the backend that keeps entity state
 * @param historyLimit how many runs the run history keeps; older ones are dropped
 * @param history where the run history is kept
 */
public record StateConfig(
    Path directory,
    Duration leaseTimeout,
    StateLocation location,
    int historyLimit,
    HistoryPlace history) {
  /** Where the run history is kept. */
  public enum HistoryPlace {
    /**
     * With the entity state: in its directory, under its object prefix, or in a table beside it.
     */
    WITH_STATE,
    /** In {@link #directory()}, whatever keeps the entity state ({@code history_dir} given). */
    DIRECTORY
  }

  /** The state directory under the project when {@code state: path} is not given. */
  public static final String DEFAULT_DIRECTORY = ".hygge/state";

  /** The lease timeout when {@code state: lease_timeout} is not given. */
  public static final String DEFAULT_LEASE_TIMEOUT = "10m";

  /** How many entity runs the run history keeps when {@code state: history_limit} is not given. */
  public static final int DEFAULT_HISTORY_LIMIT = 10_000;

  public StateConfig {
    requireNonNull(directory, "directory is null");
    requireNonNull(leaseTimeout, "leaseTimeout is null");
    requireNonNull(location, "location is null");
    requireNonNull(history, "history is null");
    if (leaseTimeout.isNegative() || leaseTimeout.isZero()) {
      throw new IllegalArgumentException("leaseTimeout must be positive");
    }
    if (historyLimit < 1) {
      throw new IllegalArgumentException("historyLimit must be positive");
    }
  }

  /** State and its run history kept together. */
  public StateConfig(
      Path directory, Duration leaseTimeout, StateLocation location, int historyLimit) {
    this(directory, leaseTimeout, location, historyLimit, HistoryPlace.WITH_STATE);
  }

  /** State in a local directory, with the default history limit. */
  public StateConfig(Path directory, Duration leaseTimeout) {
    this(directory, leaseTimeout, new StateLocation.Directory(), DEFAULT_HISTORY_LIMIT);
  }

  /** The defaults for a project in {@code root}. */
  public static StateConfig defaults(Path root) {
    return new StateConfig(
        root.resolve(DEFAULT_DIRECTORY).normalize(), DurationText.parse(DEFAULT_LEASE_TIMEOUT));
  }
}
