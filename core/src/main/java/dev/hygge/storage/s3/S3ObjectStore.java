package dev.hygge.storage.s3;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Amazon S3 (and S3-compatible services) as an {@link ObjectStore}. The client comes from the
 * supplier, asked once on first use, so tests can hand in a client pointed at an emulator; the
 * store closes it.
 */
public final class S3ObjectStore
    implements ObjectStore, SupportsListing, SupportsMove, SupportsConditionalWrite {
  private static final int NOT_FOUND = 404;

  private final Supplier<S3Client> clients;
  private final S3Options options;
  private final Set<String> bucketsSeen = ConcurrentHashMap.newKeySet();
  private final S3ConditionalWrites conditional = new S3ConditionalWrites(this);
  private volatile S3Client client;
  private final AtomicInteger uploadThreads = new AtomicInteger();
  private final ExecutorService uploads = Executors.newCachedThreadPool(this::uploadThread);

  public S3ObjectStore(Supplier<S3Client> clients, S3Options options) {
    this.clients = requireNonNull(clients, "clients is null");
    this.options = requireNonNull(options, "options is null");
  }

  @Override
  public InputObject open(Location location) {
    return new S3InputObject(this, S3Location.of(location));
  }

  @Override
  public OutputObject create(Location location) {
    S3Location s3 = S3Location.of(location);
    requireBucket(s3, "write");
    if (stat(location).isPresent()) {
      throw S3Failures.exists(s3, null);
    }
    return new S3OutputObject(this, s3, WriteMode.CREATE, options, uploads);
  }

  @Override
  public OutputObject createOrOverwrite(Location location) {
    requireBucket(S3Location.of(location), "write");
    return new S3OutputObject(this, S3Location.of(location), WriteMode.OVERWRITE, options, uploads);
  }

  @Override
  public Optional<ObjectInfo> stat(Location location) {
    S3Location s3 = S3Location.of(location);
    try {
      HeadObjectResponse head = client().headObject(b -> b.bucket(s3.bucket()).key(s3.key()));
      bucketsSeen.add(s3.bucket());
      return Optional.of(
          new ObjectInfo(location, head.contentLength(), head.eTag(), head.lastModified()));
    } catch (NoSuchKeyException e) {
      // A HEAD has no error body: a missing bucket also answers 404, so tell them apart.
      requireBucket(s3, "read");
      return Optional.empty();
    } catch (SdkException e) {
      if (e instanceof S3Exception s && s.statusCode() == NOT_FOUND) {
        requireBucket(s3, "read");
        return Optional.empty();
      }
      throw S3Failures.translate(e, "read", s3, ErrorKind.HOME);
    }
  }

  @Override
  public Optional<VersionedBytes> readVersioned(Location location) {
    return conditional.read(location);
  }

  @Override
  public ObjectInfo writeIf(Location location, byte[] bytes, WriteCondition condition) {
    requireBucket(S3Location.of(location), "write");
    return conditional.write(location, bytes, condition);
  }

  @Override
  public void deleteIf(Location location, String version) {
    conditional.delete(location, version);
  }

  @Override
  public void delete(Location location) {
    S3Location s3 = S3Location.of(location);
    try {
      client().deleteObject(b -> b.bucket(s3.bucket()).key(s3.key()));
    } catch (SdkException e) {
      throw S3Failures.translate(e, "delete", s3, ErrorKind.STORE);
    }
  }

  @Override
  public List<ObjectInfo> list(Location prefix) {
    S3Location s3 = S3Location.of(prefix);
    List<ObjectInfo> objects = new ArrayList<>();
    try {
      for (S3Object object :
          client()
              .listObjectsV2Paginator(
                  b -> b.bucket(s3.bucket()).prefix(s3.key()).maxKeys(options.listPageSize()))
              .contents()) {
        objects.add(
            new ObjectInfo(
                new S3Location(s3.bucket(), object.key()).location(),
                object.size(),
                object.eTag(),
                object.lastModified()));
      }
    } catch (SdkException e) {
      throw S3Failures.translate(e, "list", s3, ErrorKind.HOME);
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

  /** A server-side copy (multipart above 5 GiB), then a delete of the source. */
  @Override
  public void move(Location from, Location to) {
    S3Location source = S3Location.of(from);
    S3Location target = S3Location.of(to);
    long size =
        stat(from)
            .orElseThrow(
                () ->
                    new dev.hygge.HyggeException(
                        ErrorKind.STORE,
                        "Cannot move " + from + " to " + to + ": it does not exist"))
            .size();
    try {
      S3Copy.copy(client(), source, target, size);
      client().deleteObject(b -> b.bucket(source.bucket()).key(source.key()));
    } catch (SdkException e) {
      throw S3Failures.translate(e, "move", source, ErrorKind.STORE);
    }
  }

  private Thread uploadThread(Runnable work) {
    Thread thread = new Thread(work, "s3-upload-" + uploadThreads.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    uploads.shutdown();
    if (client != null) {
      client.close();
    }
  }

  S3Client client() {
    S3Client current = client;
    if (current == null) {
      synchronized (this) {
        if (client == null) {
          client = requireNonNull(clients.get(), "the S3 client supplier returned null");
        }
        current = client;
      }
    }
    return current;
  }

  /** Checks once per bucket that it exists, so a missing bucket is named as such. */
  private void requireBucket(S3Location location, String action) {
    if (bucketsSeen.contains(location.bucket())) {
      return;
    }
    try {
      client().headBucket(b -> b.bucket(location.bucket()));
      bucketsSeen.add(location.bucket());
    } catch (SdkException e) {
      if (S3Failures.isMissingBucket(e)
          || (e instanceof S3Exception s && s.statusCode() == NOT_FOUND)) {
        throw S3Failures.missingBucket(location.bucket(), action, location, e);
      }
      throw S3Failures.translate(e, action, location, ErrorKind.HOME);
    }
  }
}
