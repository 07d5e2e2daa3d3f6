package dev.hygge.storage.gcs;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage.BlobSourceOption;
import com.google.cloud.storage.Storage.BlobTargetOption;
import com.google.cloud.storage.StorageException;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.VersionedBytes;
import dev.hygge.storage.WriteCondition;
import dev.hygge.storage.WriteConditionFailedException;
import dev.hygge.storage.WriteOutcomeUnknownException;
import java.util.Optional;

/**
 * Conditional writes on Cloud Storage by generation: {@code ifGenerationMatch=0} (does not exist)
 * or the generation read before. 412 is a lost race, and so is a 404 when reading a generation that
 * was replaced in between; no HTTP reply, 408 or a server error leaves the outcome unknown.
 */
final class GcsConditionalWrites {
  private static final int NO_HTTP_RESPONSE = 0;
  private static final int REQUEST_TIMEOUT = 408;
  private static final int FIRST_SERVER_ERROR = 500;

  private final GcsObjectStore store;

  GcsConditionalWrites(GcsObjectStore store) {
    this.store = store;
  }

  Optional<VersionedBytes> read(Location location) {
    GcsLocation gcs = GcsLocation.of(location);
    Optional<Blob> blob = store.blob(gcs);
    if (blob.isEmpty()) {
      return Optional.empty();
    }
    long generation = blob.get().getGeneration();
    try {
      byte[] bytes = store.client().readAllBytes(BlobId.of(gcs.bucket(), gcs.name(), generation));
      return Optional.of(new VersionedBytes(bytes, Long.toString(generation)));
    } catch (StorageException e) {
      if (e.getCode() == GcsFailures.NOT_FOUND) {
        // The generation was replaced or deleted between the two requests: read the new one.
        return read(location);
      }
      throw GcsFailures.translate(e, "read", gcs, ErrorKind.HOME, store.options().maxAttempts());
    }
  }

  ObjectInfo write(Location location, byte[] bytes, WriteCondition condition) {
    GcsLocation gcs = GcsLocation.of(location);
    BlobTargetOption precondition =
        condition instanceof WriteCondition.Matches matches
            ? BlobTargetOption.generationMatch(generation(gcs, matches.version()))
            : BlobTargetOption.doesNotExist();
    try {
      Blob written =
          store
              .client()
              .create(BlobInfo.newBuilder(gcs.bucket(), gcs.name()).build(), bytes, precondition);
      return GcsObjectStore.info(written);
    } catch (StorageException e) {
      throw failure(e, "write", gcs, condition);
    }
  }

  void delete(Location location, String version) {
    GcsLocation gcs = GcsLocation.of(location);
    WriteCondition condition = WriteCondition.matches(version);
    // Checked first as well: fake-gcs-server ignores ifGenerationMatch on delete.
    Optional<Blob> current = store.blob(gcs);
    if (current.isEmpty() || !Long.toString(current.get().getGeneration()).equals(version)) {
      throw conflict("delete", gcs, condition, null);
    }
    boolean deleted;
    try {
      deleted =
          store
              .client()
              .delete(
                  BlobId.of(gcs.bucket(), gcs.name()),
                  BlobSourceOption.generationMatch(generation(gcs, version)));
    } catch (StorageException e) {
      throw failure(e, "delete", gcs, condition);
    }
    if (!deleted) {
      throw conflict("delete", gcs, condition, null);
    }
  }

  private HyggeException failure(
      StorageException e, String action, GcsLocation location, WriteCondition condition) {
    if (GcsFailures.isPreconditionFailed(e)) {
      return conflict(action, location, condition, e);
    }
    int code = e.getCode();
    if (code == NO_HTTP_RESPONSE || code == REQUEST_TIMEOUT || code >= FIRST_SERVER_ERROR) {
      return new WriteOutcomeUnknownException(
          "Cannot tell whether the "
              + action
              + " of "
              + location
              + " happened: "
              + e.getMessage()
              + ". Read it again before going on.",
          e);
    }
    return GcsFailures.translate(
        e, action, location, ErrorKind.STORE, store.options().maxAttempts());
  }

  private static long generation(GcsLocation location, String version) {
    try {
      return Long.parseLong(version);
    } catch (NumberFormatException e) {
      throw new HyggeException(
          ErrorKind.INTERNAL,
          "Cannot write " + location + ": '" + version + "' is not a Cloud Storage generation",
          e);
    }
  }

  private static WriteConditionFailedException conflict(
      String action, GcsLocation location, WriteCondition condition, Exception cause) {
    return new WriteConditionFailedException(
        "Cannot "
            + action
            + " "
            + location
            + ": it changed underneath (expected "
            + (condition instanceof WriteCondition.Matches m
                ? "generation " + m.version()
                : "no object")
            + "); nothing was written",
        cause);
  }
}
