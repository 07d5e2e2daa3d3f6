package dev.hygge.storage.gcs;

import static java.util.Objects.requireNonNull;

import com.google.api.gax.paging.Page;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.Storage.BucketGetOption;
import com.google.cloud.storage.StorageException;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.InputObject;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectGlob;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.SupportsConditionalWrite;
import dev.hygge.storage.SupportsListing;
import dev.hygge.storage.SupportsMove;
import dev.hygge.storage.VersionedBytes;
import dev.hygge.storage.WriteCondition;
import dev.hygge.storage.WriteMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Google Cloud Storage as an {@link ObjectStore}. The client comes from the supplier, asked once on
 * first use, so tests can hand in a client pointed at an emulator; the store closes it. {@link
 * ObjectInfo#version()} is the object's generation. {@link #move} rewrites the object inside the
 * service (one or more rewrite calls until it is done) and then deletes the source.
 */
public final class GcsObjectStore
    implements ObjectStore, SupportsListing, SupportsConditionalWrite, SupportsMove {
  private static final Logger LOG = LoggerFactory.getLogger(GcsObjectStore.class);

  private final Supplier<Storage> clients;
  private final GcsOptions options;
  private final Set<String> bucketsSeen = ConcurrentHashMap.newKeySet();
  private final GcsConditionalWrites conditional = new GcsConditionalWrites(this);
  private volatile Storage client;

  public GcsObjectStore(Supplier<Storage> clients, GcsOptions options) {
    this.clients = requireNonNull(clients, "clients is null");
    this.options = requireNonNull(options, "options is null");
  }

  @Override
  public InputObject open(Location location) {
    return new GcsInputObject(this, GcsLocation.of(location));
  }

  @Override
  public OutputObject create(Location location) {
    GcsLocation gcs = GcsLocation.of(location);
    requireBucket(gcs, "write");
    if (stat(location).isPresent()) {
      throw GcsFailures.exists(gcs, null);
    }
    return new GcsOutputObject(this, gcs, WriteMode.CREATE);
  }

  @Override
  public OutputObject createOrOverwrite(Location location) {
    GcsLocation gcs = GcsLocation.of(location);
    requireBucket(gcs, "write");
    return new GcsOutputObject(this, gcs, WriteMode.OVERWRITE);
  }

  @Override
  public Optional<ObjectInfo> stat(Location location) {
    return blob(GcsLocation.of(location)).map(GcsObjectStore::info);
  }

  @Override
  public Optional<VersionedBytes> readVersioned(Location location) {
    return conditional.read(location);
  }

  @Override
  public ObjectInfo writeIf(Location location, byte[] bytes, WriteCondition condition) {
    requireBucket(GcsLocation.of(location), "write");
    return conditional.write(location, bytes, condition);
  }

  @Override
  public void deleteIf(Location location, String version) {
    conditional.delete(location, version);
  }

  @Override
  public void delete(Location location) {
    GcsLocation gcs = GcsLocation.of(location);
    try {
      client().delete(BlobId.of(gcs.bucket(), gcs.name()));
    } catch (StorageException e) {
      throw GcsFailures.translate(e, "delete", gcs, ErrorKind.STORE, options.maxAttempts());
    }
  }

  @Override
  public void move(Location from, Location to) {
    GcsLocation source = GcsLocation.of(from);
    GcsLocation target = GcsLocation.of(to);
    BlobId sourceId = BlobId.of(source.bucket(), source.name());
    try {
      Storage.CopyRequest request =
          Storage.CopyRequest.newBuilder()
              .setSource(sourceId)
              .setTarget(BlobId.of(target.bucket(), target.name()))
              .build();
      // getResult() keeps calling rewrite until the service reports the copy complete.
      client().copy(request).getResult();
      client().delete(sourceId);
    } catch (StorageException e) {
      if (e.getCode() == GcsFailures.NOT_FOUND && blob(source).isEmpty()) {
        throw HyggeException.store(
            "Cannot move " + source + " to " + target + ": the source object does not exist", e);
      }
      throw GcsFailures.translate(e, "move", source, ErrorKind.STORE, options.maxAttempts());
    }
  }

  @Override
  public List<ObjectInfo> list(Location prefix) {
    GcsLocation gcs = GcsLocation.of(prefix);
    List<ObjectInfo> objects = new ArrayList<>();
    try {
      Page<Blob> page =
          client()
              .list(
                  gcs.bucket(),
                  BlobListOption.prefix(gcs.name()),
                  BlobListOption.pageSize(options.listPageSize()));
      for (Blob blob : page.iterateAll()) {
        objects.add(info(blob));
      }
    } catch (StorageException e) {
      throw GcsFailures.translate(e, "list", gcs, ErrorKind.HOME, options.maxAttempts());
    }
    return objects;
  }

  @Override
  public List<ObjectInfo> match(Location pattern) {
    ObjectGlob glob = new ObjectGlob(pattern);
    return list(glob.prefix()).stream()
        .filter(info -> glob.matches(info.location()))
        .collect(Collectors.toList());
  }

  @Override
  public void close() {
    Storage current = client;
    if (current == null) {
      return;
    }
    try {
      current.close();
    } catch (Exception e) {
      throw new HyggeException(
          ErrorKind.INTERNAL, "Cannot close the Cloud Storage client: " + e.getMessage(), e);
    }
  }

  GcsOptions options() {
    return options;
  }

  Storage client() {
    Storage current = client;
    if (current == null) {
      synchronized (this) {
        if (client == null) {
          client = requireNonNull(clients.get(), "the Cloud Storage client supplier returned null");
        }
        current = client;
      }
    }
    return current;
  }

  /** The object's metadata, or empty when there is none (after checking that the bucket exists). */
  Optional<Blob> blob(GcsLocation location) {
    Blob blob;
    try {
      blob = client().get(BlobId.of(location.bucket(), location.name()));
    } catch (StorageException e) {
      throw GcsFailures.translate(e, "read", location, ErrorKind.HOME, options.maxAttempts());
    }
    if (blob == null) {
      // The client answers null for any 404: a missing bucket too, so tell them apart.
      requireBucket(location, "read");
      return Optional.empty();
    }
    bucketsSeen.add(location.bucket());
    return Optional.of(blob);
  }

  static ObjectInfo info(Blob blob) {
    OffsetDateTime updated = blob.getUpdateTimeOffsetDateTime();
    return new ObjectInfo(
        new GcsLocation(blob.getBucket(), blob.getName()).location(),
        blob.getSize() == null ? 0 : blob.getSize(),
        String.valueOf(blob.getGeneration()),
        updated == null ? Instant.EPOCH : updated.toInstant());
  }

  /** Checks once per bucket that it exists, so a missing bucket is named as such. */
  private void requireBucket(GcsLocation location, String action) {
    if (bucketsSeen.contains(location.bucket())) {
      return;
    }
    try {
      if (client().get(location.bucket(), BucketGetOption.fields()) == null) {
        throw GcsFailures.missingBucket(action, location, null);
      }
      bucketsSeen.add(location.bucket());
    } catch (StorageException e) {
      if (!GcsFailures.isAccessDenied(e)) {
        throw GcsFailures.translate(e, action, location, ErrorKind.HOME, options.maxAttempts());
      }
      // Reading bucket metadata needs storage.buckets.get, which object-level roles lack: that
      // says nothing about the objects, so carry on and let the object call speak for itself.
      LOG.debug("Cannot check that bucket {} exists: {}", location.bucket(), e.getMessage());
    }
  }
}
