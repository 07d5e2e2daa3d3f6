package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.SupportsConditionalWrite;
import dev.hygge.storage.VersionedBytes;
import dev.hygge.storage.WriteCondition;
import dev.hygge.storage.WriteConditionFailedException;
import dev.hygge.storage.WriteOutcomeUnknownException;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entity state on object storage (S3, GCS, Azure Blob, or local files through the same layer): one
 * JSON object per entity, {@code <root>/<flow>/<entity>.json}, in the local store's format. The
 * state version is the object's version (ETag or generation), and every write is a conditional
 * write on it, so a compare-and-swap needs no lock. The store is closed with this.
 */
public final class ObjectStateStore implements StateStore {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectStateStore.class);
  private static final String STATE_SUFFIX = ".json";

  private final ObjectStore store;
  private final SupportsConditionalWrite conditional;
  private final Location root;

  /**
   * @param store the object store of {@code root}; this closes it
   * @param root the prefix under which state objects are kept
   * @throws HyggeException of kind CONFIG when the store has no conditional writes
   */
  public ObjectStateStore(ObjectStore store, Location root) {
    this.store = requireNonNull(store, "store is null");
    this.root = requireNonNull(root, "root is null");
    if (!(store instanceof SupportsConditionalWrite writes)) {
      throw HyggeException.config(
          "State cannot be kept at "
              + root
              + ": its storage has no conditional writes. Use an s3://, gs://, az://, abfss:// or"
              + " local path for state: path.");
    }
    this.conditional = writes;
  }

  @Override
  public Optional<VersionedState> read(EntityKey key) {
    Location location = location(key);
    return readObject(key, location)
        .map(
            object ->
                new VersionedState(
                    StateFileFormat.decode(object.bytes(), location.toString(), key).state(),
                    new StateVersion(object.version())));
  }

  @Override
  public StateVersion write(EntityKey key, EntityState state, Optional<StateVersion> expected) {
    requireNonNull(state, "state is null");
    requireNonNull(expected, "expected is null");
    Location location = location(key);
    Optional<VersionedBytes> current = readObject(key, location);
    Optional<StateVersion> actual = current.map(o -> new StateVersion(o.version()));
    if (!actual.equals(expected)) {
      throw conflict(key, location, expected, actual, null);
    }
    long next =
        current
            .map(o -> StateFileFormat.decode(o.bytes(), location.toString(), key).version() + 1)
            .orElse(1L);
    WriteCondition condition =
        expected.map(v -> WriteCondition.matches(v.token())).orElse(WriteCondition.absent());
    byte[] bytes = StateFileFormat.encode(state, next);
    try {
      return new StateVersion(conditional.writeIf(location, bytes, condition).version());
    } catch (WriteConditionFailedException e) {
      return landedBefore(key, location, bytes, e)
          .orElseThrow(() -> conflict(key, location, expected, Optional.empty(), e));
    } catch (WriteOutcomeUnknownException e) {
      throw unknown(key, location, e);
    } catch (HyggeException e) {
      throw failed(key, location, e);
    }
  }

  @Override
  public void delete(EntityKey key, StateVersion expected) {
    requireNonNull(expected, "expected is null");
    Location location = location(key);
    try {
      conditional.deleteIf(location, expected.token());
    } catch (WriteConditionFailedException e) {
      throw new StateConflictException(
          "The state of entity "
              + key.qualifiedName()
              + " in "
              + location
              + " changed since it was read, or is gone; nothing was deleted. Try again.");
    } catch (WriteOutcomeUnknownException e) {
      throw unknown(key, location, e);
    }
  }

  @Override
  public Optional<StateVersion> versionForReset(EntityKey key) {
    return readObject(key, location(key)).map(o -> new StateVersion(o.version()));
  }

  @Override
  public String describe(EntityKey key) {
    return location(key).toString();
  }

  /** Closes the object store. */
  @Override
  public void close() {
    store.close();
  }

  /** The state object of an entity. */
  public Location location(EntityKey key) {
    for (String name : new String[] {key.flow(), key.entity()}) {
      if (name.contains("/") || name.equals(".") || name.equals("..")) {
        throw new HyggeException(
            ErrorKind.STATE,
            "Entity " + key.qualifiedName() + " has a name that cannot be a state object name.");
      }
    }
    return root.resolve(key.flow()).resolve(key.entity() + STATE_SUFFIX);
  }

  /**
   * The version of this very write when the object already holds its bytes: a client that retried
   * after a lost reply hears its own earlier attempt as a lost race. The bytes carry the state's
   * version counter and the run's lease, so no other write stores the same ones.
   */
  private Optional<StateVersion> landedBefore(
      EntityKey key, Location location, byte[] bytes, WriteConditionFailedException e) {
    Optional<VersionedBytes> stored;
    try {
      stored = readObject(key, location);
    } catch (HyggeException readFailure) {
      e.addSuppressed(readFailure);
      return Optional.empty();
    }
    Optional<StateVersion> landed =
        stored
            .filter(object -> Arrays.equals(object.bytes(), bytes))
            .map(object -> new StateVersion(object.version()));
    landed.ifPresent(
        version ->
            LOG.info(
                "The state of entity {} in {} was saved by an earlier attempt of the same write"
                    + " (version {}); its retry found it there",
                key.qualifiedName(),
                location,
                version));
    return landed;
  }

  private Optional<VersionedBytes> readObject(EntityKey key, Location location) {
    try {
      return conditional.readVersioned(location);
    } catch (HyggeException e) {
      throw new HyggeException(
          ErrorKind.STATE,
          "Cannot read the state of entity "
              + key.qualifiedName()
              + " from "
              + location
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static StateConflictException conflict(
      EntityKey key,
      Location location,
      Optional<StateVersion> expected,
      Optional<StateVersion> actual,
      Exception cause) {
    StateConflictException conflict =
        new StateConflictException(
            "The state of entity "
                + key.qualifiedName()
                + " in "
                + location
                + " changed while this run held it (expected version "
                + expected.map(StateVersion::token).orElse("none")
                + actual.map(v -> ", found " + v.token()).orElse("")
                + "): another run or a reset wrote it. Nothing was written; run the entity"
                + " again.");
    if (cause != null) {
      conflict.initCause(cause);
    }
    return conflict;
  }

  private static StateOutcomeUnknownException unknown(
      EntityKey key, Location location, WriteOutcomeUnknownException e) {
    return new StateOutcomeUnknownException(
        "Cannot tell whether the state of entity "
            + key.qualifiedName()
            + " was saved to "
            + location
            + " ("
            + e.getMessage()
            + "). The next run reads whatever "
            + location
            + " holds and repeats the last window if it was not saved.",
        e);
  }

  private static HyggeException failed(EntityKey key, Location location, HyggeException e) {
    return new HyggeException(
        ErrorKind.STATE,
        "Cannot save the state of entity "
            + key.qualifiedName()
            + " to "
            + location
            + ": "
            + e.getMessage()
            + ". Nothing was written; check the credential and that the bucket or container"
            + " exists.",
        e);
  }
}
