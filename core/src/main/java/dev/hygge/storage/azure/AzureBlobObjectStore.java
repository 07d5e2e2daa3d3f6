package dev.hygge.storage.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.exception.HttpResponseException;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
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
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Azure Blob Storage as an {@link ObjectStore}: {@code az://container/path} in the store's account,
 * and {@code abfss://container@account.dfs.core.windows.net/path} on accounts without a
 * hierarchical namespace. Clients come from the factory, asked once per account on first use, so
 * tests can hand in clients pointed at Azurite.
 */
public final class AzureBlobObjectStore
    implements ObjectStore, SupportsListing, SupportsConditionalWrite, SupportsMove {
  /** How often a server-side copy that did not complete at once is polled. */
  static final Duration COPY_POLL_INTERVAL = Duration.ofSeconds(1);

  private final Optional<String> account;
  private final Function<String, BlobServiceClient> clients;
  private final AzureOptions options;
  private final AzureConditionalWrites conditional;
  private final Map<String, BlobServiceClient> clientsByAccount = new ConcurrentHashMap<>();
  private final Set<String> containersSeen = ConcurrentHashMap.newKeySet();
  // Stages blocks in the background; the number in flight is bounded per upload by maxConcurrency.
  private final AtomicInteger uploadThreads = new AtomicInteger();
  private final ExecutorService uploads = Executors.newCachedThreadPool(this::uploadThread);

  /**
   * A store over the accounts the factory builds clients for.
   *
   * @param account the account of {@code az://} locations, empty when only {@code abfss://} is used
   * @param clients a Blob client per storage account name
   */
  public AzureBlobObjectStore(
      Optional<String> account, Function<String, BlobServiceClient> clients, AzureOptions options) {
    this.account = requireNonNull(account, "account is null");
    this.clients = requireNonNull(clients, "clients is null");
    this.options = requireNonNull(options, "options is null");
    this.conditional = new AzureConditionalWrites(options.maxAttempts());
  }

  @Override
  public InputObject open(Location location) {
    AzureLocation azure = locate(location);
    return AzureInputObject.blob(this, azure, options.maxAttempts(), blob(azure));
  }

  @Override
  public OutputObject create(Location location) {
    AzureLocation azure = locate(location);
    requireContainer(azure, "write");
    if (stat(location).isPresent()) {
      throw AzureFailures.exists(azure, null);
    }
    return new AzureBlobOutputObject(azure, blob(azure), WriteMode.CREATE, options, uploads);
  }

  @Override
  public OutputObject createOrOverwrite(Location location) {
    AzureLocation azure = locate(location);
    requireContainer(azure, "write");
    return new AzureBlobOutputObject(azure, blob(azure), WriteMode.OVERWRITE, options, uploads);
  }

  @Override
  public Optional<ObjectInfo> stat(Location location) {
    AzureLocation azure = locate(location);
    try {
      BlobProperties properties = blob(azure).getProperties();
      containersSeen.add(containerKey(azure));
      return Optional.of(
          new ObjectInfo(
              location,
              properties.getBlobSize(),
              properties.getETag(),
              properties.getLastModified().toInstant()));
    } catch (HttpResponseException e) {
      if (AzureFailures.status(e) == AzureFailures.NOT_FOUND) {
        // A HEAD has no error body; tell a missing container from a missing blob.
        requireContainer(azure, "read");
        return Optional.empty();
      }
      throw AzureFailures.translate(e, "read", azure, ErrorKind.HOME, options.maxAttempts());
    } catch (RuntimeException e) {
      throw AzureFailures.translate(e, "read", azure, ErrorKind.HOME, options.maxAttempts());
    }
  }

  @Override
  public Optional<VersionedBytes> readVersioned(Location location) {
    AzureLocation azure = locate(location);
    requireContainer(azure, "read");
    return conditional.read(azure, blob(azure));
  }

  @Override
  public ObjectInfo writeIf(Location location, byte[] bytes, WriteCondition condition) {
    AzureLocation azure = locate(location);
    requireContainer(azure, "write");
    return conditional.write(azure, blob(azure), bytes, condition);
  }

  @Override
  public void deleteIf(Location location, String version) {
    AzureLocation azure = locate(location);
    conditional.delete(azure, blob(azure), version);
  }

  @Override
  public void delete(Location location) {
    AzureLocation azure = locate(location);
    try {
      blob(azure).deleteIfExists();
    } catch (RuntimeException e) {
      throw AzureFailures.translate(e, "delete", azure, ErrorKind.STORE, options.maxAttempts());
    }
  }

  /**
   * Copies the blob inside the service (Copy Blob, which within one account completes at once for
   * block blobs; the poller waits if it does not) and deletes the source. The copy's source is
   * authorised by the account key or Entra ID token the store signs with; a SAS token covers only
   * the target, so with one the copy is refused and the store streams the bytes through instead.
   */
  @Override
  public void move(Location from, Location to) {
    AzureLocation source = locate(from);
    AzureLocation target = locate(to);
    BlockBlobClient sourceBlob = blob(source);
    try {
      blob(target).beginCopy(sourceBlob.getBlobUrl(), COPY_POLL_INTERVAL).waitForCompletion();
    } catch (HttpResponseException e) {
      int status = AzureFailures.status(e);
      if (status == AzureFailures.NOT_FOUND && stat(from).isEmpty()) {
        throw HyggeException.store(
            "Cannot move " + source + " to " + target + ": the source blob does not exist", e);
      }
      if (!AzureFailures.isCopySourceRefused(e)) {
        throw AzureFailures.translate(
            e, "move " + source + " to", target, ErrorKind.STORE, options.maxAttempts());
      }
      streamCopy(from, to);
    } catch (RuntimeException e) {
      throw AzureFailures.translate(
          e, "move " + source + " to", target, ErrorKind.STORE, options.maxAttempts());
    }
    delete(from);
  }

  private void streamCopy(Location from, Location to) {
    try (InputStream in = open(from).newStream();
        OutputObject out = createOrOverwrite(to)) {
      in.transferTo(out);
      out.commit();
    } catch (IOException e) {
      throw HyggeException.store("Cannot copy " + from + " to " + to + ": " + e, e);
    }
  }

  @Override
  public List<ObjectInfo> list(Location prefix) {
    AzureLocation azure = locate(prefix);
    ListBlobsOptions listing =
        new ListBlobsOptions().setPrefix(azure.path()).setMaxResultsPerPage(options.listPageSize());
    List<ObjectInfo> objects = new ArrayList<>();
    try {
      for (BlobItem item : container(azure).listBlobs(listing, null)) {
        objects.add(
            new ObjectInfo(
                azure.withPath(item.getName()).location(),
                item.getProperties().getContentLength(),
                item.getProperties().getETag(),
                item.getProperties().getLastModified().toInstant()));
      }
    } catch (RuntimeException e) {
      throw AzureFailures.translate(e, "list", azure, ErrorKind.HOME, options.maxAttempts());
    }
    objects.sort(Comparator.comparing(info -> info.location().path()));
    return objects;
  }

  @Override
  public List<ObjectInfo> match(Location pattern) {
    ObjectGlob glob = new ObjectGlob(pattern);
    return list(glob.prefix()).stream()
        .filter(info -> glob.matches(info.location()))
        .collect(Collectors.toList());
  }

  /**
   * Stops the upload threads once their blocks are sent; the service clients hold nothing else of
   * their own.
   */
  @Override
  public void close() {
    uploads.shutdown();
    clientsByAccount.clear();
  }

  private AzureLocation locate(Location location) {
    return AzureLocation.of(location, account);
  }

  private BlobContainerClient container(AzureLocation location) {
    BlobServiceClient service =
        clientsByAccount.computeIfAbsent(
            location.account(),
            name ->
                requireNonNull(
                    clients.apply(name), "the Blob client factory returned null for " + name));
    return service.getBlobContainerClient(location.container());
  }

  private BlockBlobClient blob(AzureLocation location) {
    return container(location).getBlobClient(location.path()).getBlockBlobClient();
  }

  /** Checks once per container that it exists, so a missing container is named as such. */
  private void requireContainer(AzureLocation location, String action) {
    String key = containerKey(location);
    if (containersSeen.contains(key)) {
      return;
    }
    boolean exists;
    try {
      exists = container(location).exists();
    } catch (RuntimeException e) {
      throw AzureFailures.translate(e, action, location, ErrorKind.HOME, options.maxAttempts());
    }
    if (!exists) {
      throw AzureFailures.missingContainer(location, action, null);
    }
    containersSeen.add(key);
  }

  private Thread uploadThread(Runnable task) {
    Thread thread = new Thread(task, "hygge-azure-upload-" + uploadThreads.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }

  private static String containerKey(AzureLocation location) {
    return location.account() + "/" + location.container();
  }
}
