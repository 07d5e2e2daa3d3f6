package dev.hygge.storage.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.Context;
import com.azure.storage.file.datalake.DataLakeFileSystemClient;
import com.azure.storage.file.datalake.DataLakeServiceClient;
import com.azure.storage.file.datalake.models.DataLakeRequestConditions;
import com.azure.storage.file.datalake.models.ListPathsOptions;
import com.azure.storage.file.datalake.models.PathItem;
import com.azure.storage.file.datalake.models.PathProperties;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.InputObject;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectGlob;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.SupportsConditionalWrite;
import dev.hygge.storage.SupportsDirectoryRename;
import dev.hygge.storage.SupportsListing;
import dev.hygge.storage.SupportsMove;
import dev.hygge.storage.VersionedBytes;
import dev.hygge.storage.WriteCondition;
import dev.hygge.storage.WriteMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ADLS Gen2 (a storage account with a hierarchical namespace) and Microsoft Fabric's OneLake as an
 * {@link ObjectStore}, through the Data Lake (dfs) API: {@code
 * abfss://container@account.dfs.core.windows.net/path} and {@code
 * abfss://workspace@onelake.dfs.fabric.microsoft.com/item/Files/path}. Uploads go to a hidden file
 * beside the target and are renamed into place at commit, so nothing is visible before; whole
 * directories and single files ({@link #move}) rename atomically. Clients come from the factory,
 * asked once per account (OneLake's is {@value AzureLocation#ONELAKE_ACCOUNT}) on first use.
 */
public final class AdlsObjectStore
    implements ObjectStore,
        SupportsListing,
        SupportsDirectoryRename,
        SupportsConditionalWrite,
        SupportsMove {
  /** Uploads in progress are hidden files with this name prefix; listings skip them. */
  static final String UPLOAD_PREFIX = ".hygge-upload-";

  private static final String ANY_PATH = "*";

  private final Function<String, DataLakeServiceClient> clients;
  private final AzureOptions options;
  private final Map<String, DataLakeServiceClient> clientsByAccount = new ConcurrentHashMap<>();
  private final Set<String> fileSystemsSeen = ConcurrentHashMap.newKeySet();
  private final AdlsConditionalWrites conditional;

  /**
   * A store over the accounts the factory builds clients for.
   *
   * @param clients a Data Lake client per storage account name
   */
  public AdlsObjectStore(Function<String, DataLakeServiceClient> clients, AzureOptions options) {
    this.clients = requireNonNull(clients, "clients is null");
    this.options = requireNonNull(options, "options is null");
    this.conditional = new AdlsConditionalWrites(this, options.maxAttempts());
  }

  @Override
  public Optional<VersionedBytes> readVersioned(Location location) {
    AzureLocation adls = locate(location);
    requireFileSystem(adls, "read");
    return conditional.read(adls, fileSystem(adls).getFileClient(adls.path()));
  }

  @Override
  public ObjectInfo writeIf(Location location, byte[] bytes, WriteCondition condition) {
    AzureLocation adls = locate(location);
    requireFileSystem(adls, "write");
    return conditional.write(adls, fileSystem(adls), bytes, condition);
  }

  @Override
  public void deleteIf(Location location, String version) {
    AzureLocation adls = locate(location);
    conditional.delete(adls, fileSystem(adls).getFileClient(adls.path()), version);
  }

  @Override
  public InputObject open(Location location) {
    AzureLocation adls = locate(location);
    return AzureInputObject.file(
        this, adls, options.maxAttempts(), fileSystem(adls).getFileClient(adls.path()));
  }

  @Override
  public OutputObject create(Location location) {
    AzureLocation adls = locate(location);
    requireFileSystem(adls, "write");
    if (stat(location).isPresent()) {
      throw AzureFailures.exists(adls, null);
    }
    return new AdlsOutputObject(this, adls, fileSystem(adls), WriteMode.CREATE);
  }

  @Override
  public OutputObject createOrOverwrite(Location location) {
    AzureLocation adls = locate(location);
    requireFileSystem(adls, "write");
    return new AdlsOutputObject(this, adls, fileSystem(adls), WriteMode.OVERWRITE);
  }

  @Override
  public Optional<ObjectInfo> stat(Location location) {
    AzureLocation adls = locate(location);
    try {
      PathProperties properties = fileSystem(adls).getFileClient(adls.path()).getProperties();
      fileSystemsSeen.add(fileSystemKey(adls));
      if (properties.isDirectory()) {
        return Optional.empty();
      }
      return Optional.of(
          new ObjectInfo(
              location,
              properties.getFileSize(),
              properties.getETag(),
              properties.getLastModified().toInstant()));
    } catch (HttpResponseException e) {
      if (AzureFailures.status(e) == AzureFailures.NOT_FOUND) {
        requireFileSystem(adls, "read");
        return Optional.empty();
      }
      throw AzureFailures.translate(e, "read", adls, ErrorKind.HOME, options.maxAttempts());
    } catch (RuntimeException e) {
      throw AzureFailures.translate(e, "read", adls, ErrorKind.HOME, options.maxAttempts());
    }
  }

  @Override
  public void delete(Location location) {
    AzureLocation adls = locate(location);
    try {
      fileSystem(adls).getFileClient(adls.path()).deleteIfExists();
    } catch (RuntimeException e) {
      throw AzureFailures.translate(e, "delete", adls, ErrorKind.STORE, options.maxAttempts());
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The dfs API lists directories, not prefixes: this lists the prefix's directory recursively
   * and keeps the files under the prefix.
   */
  @Override
  public List<ObjectInfo> list(Location prefix) {
    AzureLocation adls = locate(prefix);
    String path = adls.path();
    int slash = path.lastIndexOf('/');
    ListPathsOptions listing =
        new ListPathsOptions()
            .setPath(slash <= 0 ? null : path.substring(0, slash))
            .setRecursive(true)
            .setMaxResults(options.listPageSize());
    List<ObjectInfo> objects = new ArrayList<>();
    try {
      for (PathItem item : fileSystem(adls).listPaths(listing, null)) {
        if (!item.isDirectory() && item.getName().startsWith(path) && !isUpload(item.getName())) {
          objects.add(
              new ObjectInfo(
                  adls.withPath(item.getName()).location(),
                  item.getContentLength(),
                  item.getETag(),
                  item.getLastModified().toInstant()));
        }
      }
    } catch (HttpResponseException e) {
      if (AzureFailures.status(e) == AzureFailures.NOT_FOUND
          && !AzureFailures.isMissingContainer(e)) {
        return List.of();
      }
      throw AzureFailures.translate(e, "list", adls, ErrorKind.HOME, options.maxAttempts());
    } catch (RuntimeException e) {
      throw AzureFailures.translate(e, "list", adls, ErrorKind.HOME, options.maxAttempts());
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

  @Override
  public void move(Location from, Location to) {
    AzureLocation source = locate(from);
    AzureLocation target = locate(to);
    requireSameContainer(source, target, "a file");
    DataLakeFileSystemClient fileSystem = fileSystem(source);
    String targetPath = target.path();
    try {
      int slash = targetPath.lastIndexOf('/');
      if (slash > 0) {
        fileSystem.getDirectoryClient(targetPath.substring(0, slash)).createIfNotExists();
      }
      // No condition on the target: a move replaces what is there, in one atomic rename.
      fileSystem
          .getFileClient(source.path())
          .renameWithResponse(null, targetPath, null, null, null, Context.NONE);
    } catch (HttpResponseException e) {
      if (AzureFailures.status(e) == AzureFailures.NOT_FOUND
          && !AzureFailures.isMissingContainer(e)) {
        throw HyggeException.store(
            "Cannot move " + source + " to " + target + ": the source file does not exist", e);
      }
      throw AzureFailures.translate(
          e, "move " + source + " to", target, ErrorKind.STORE, options.maxAttempts());
    } catch (RuntimeException e) {
      throw AzureFailures.translate(
          e, "move " + source + " to", target, ErrorKind.STORE, options.maxAttempts());
    }
  }

  private static void requireSameContainer(
      AzureLocation source, AzureLocation target, String what) {
    if (!source.account().equals(target.account())
        || !source.container().equals(target.container())) {
      throw HyggeException.config(
          "Cannot rename "
              + source
              + " to "
              + target
              + ": "
              + what
              + " moves atomically only within one container of one account");
    }
  }

  @Override
  public boolean directoryExists(Location location) {
    AzureLocation adls = locate(location);
    String path = withoutTrailingSlash(adls.path());
    try {
      return fileSystem(adls).getDirectoryClient(path).exists();
    } catch (RuntimeException e) {
      throw AzureFailures.translate(e, "read", adls, ErrorKind.HOME, options.maxAttempts());
    }
  }

  @Override
  public void renameDirectory(Location from, Location to) {
    AzureLocation source = locate(from);
    AzureLocation target = locate(to);
    requireSameContainer(source, target, "a directory");
    String sourcePath = withoutTrailingSlash(source.path());
    String targetPath = withoutTrailingSlash(target.path());
    DataLakeFileSystemClient fileSystem = fileSystem(source);
    String action = "rename " + source + " to";
    try {
      int slash = targetPath.lastIndexOf('/');
      if (slash > 0) {
        fileSystem.getDirectoryClient(targetPath.substring(0, slash)).createIfNotExists();
      }
      fileSystem
          .getDirectoryClient(sourcePath)
          .renameWithResponse(
              null,
              targetPath,
              null,
              new DataLakeRequestConditions().setIfNoneMatch(ANY_PATH),
              null,
              Context.NONE);
    } catch (HttpResponseException e) {
      if (AzureFailures.isAlreadyExists(e)) {
        throw HyggeException.store(
            "Cannot rename " + source + " to " + target + ": something already exists there", e);
      }
      if (AzureFailures.status(e) == AzureFailures.NOT_FOUND
          && !AzureFailures.isMissingContainer(e)) {
        throw HyggeException.store(
            "Cannot rename " + source + " to " + target + ": the source directory does not exist",
            e);
      }
      throw AzureFailures.translate(e, action, target, ErrorKind.STORE, options.maxAttempts());
    } catch (RuntimeException e) {
      throw AzureFailures.translate(e, action, target, ErrorKind.STORE, options.maxAttempts());
    }
  }

  /** The service clients hold no resources of their own beyond the shared HTTP client. */
  @Override
  public void close() {
    clientsByAccount.clear();
  }

  AzureOptions options() {
    return options;
  }

  static boolean isUpload(String path) {
    return path.substring(path.lastIndexOf('/') + 1).startsWith(UPLOAD_PREFIX);
  }

  private static AzureLocation locate(Location location) {
    if (!location.scheme().equals(Location.ABFSS)) {
      throw HyggeException.config(
          "The ADLS Gen2 object store reads abfss://container@account.dfs.core.windows.net/path"
              + " locations, not '"
              + location
              + "'");
    }
    return AzureLocation.of(location, Optional.empty());
  }

  private DataLakeFileSystemClient fileSystem(AzureLocation location) {
    DataLakeServiceClient service =
        clientsByAccount.computeIfAbsent(
            location.account(),
            name ->
                requireNonNull(
                    clients.apply(name), "the Data Lake client factory returned null for " + name));
    return service.getFileSystemClient(location.container());
  }

  /** Checks once per file system that it exists, so a missing one is named as such. */
  private void requireFileSystem(AzureLocation location, String action) {
    String key = fileSystemKey(location);
    if (fileSystemsSeen.contains(key)) {
      return;
    }
    boolean exists;
    try {
      exists = fileSystem(location).exists();
    } catch (RuntimeException e) {
      throw AzureFailures.translate(e, action, location, ErrorKind.HOME, options.maxAttempts());
    }
    if (!exists) {
      throw AzureFailures.missingContainer(location, action, null);
    }
    fileSystemsSeen.add(key);
  }

  private static String fileSystemKey(AzureLocation location) {
    return location.account() + "/" + location.container();
  }

  private static String withoutTrailingSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
