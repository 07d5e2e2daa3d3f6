package dev.hygge.config.source;

import static java.util.Objects.requireNonNull;

import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.ObjectStores;
import dev.hygge.storage.StorageAccess;
import dev.hygge.storage.StorageTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the {@link ProjectSource} that settings name: a local path as it is, an object-storage URL
 * as one source per process (so its files are fetched once and reused by every invocation the
 * process serves), reached with the cloud's default credentials.
 */
public final class ProjectSources {
  /** Where fetched projects go, under the temporary directory. */
  static final String CACHE_DIRECTORY = "hygge-projects";

  private static final Map<ProjectSourceSettings, ProjectSource> SHARED = new ConcurrentHashMap<>();

  private ProjectSources() {}

  /**
   * The process's source for these settings, created on first use.
   *
   * @throws dev.hygge.HyggeException of kind CONFIG when the location is malformed, an {@code
   *     az://} URL has no account, or this package lacks the storage's SDK
   */
  public static ProjectSource shared(ProjectSourceSettings settings) {
    requireNonNull(settings, "settings is null");
    return SHARED.computeIfAbsent(settings, ProjectSources::open);
  }

  /**
   * A new source for these settings; the caller closes an {@link ObjectStorageProjectSource}.
   *
   * @throws dev.hygge.HyggeException as {@link #shared}
   */
  public static ProjectSource open(ProjectSourceSettings settings) {
    Location location = Location.parse(settings.project());
    if (location.isLocal()) {
      return new LocalProjectSource(Path.of(location.path()));
    }
    if (location.scheme().equals(Location.AZ) && settings.account().isEmpty()) {
      throw dev.hygge.HyggeException.config(
          "HYGGE_PROJECT "
              + settings.project()
              + " is an az:// URL: set HYGGE_PROJECT_ACCOUNT to its storage account, or write it"
              + " as abfss://container@account.dfs.core.windows.net/prefix.");
    }
    StorageAccess access =
        new StorageAccess(
            Optional.empty(),
            settings.region(),
            settings.endpoint(),
            settings.account(),
            StorageAccess.DEFAULT_PART_SIZE);
    ObjectStore store = ObjectStores.open(new StorageTarget(location, settings.project(), access));
    return new ObjectStorageProjectSource(
        location,
        store,
        settings.refresh(),
        Clock.systemUTC(),
        Path.of(System.getProperty("java.io.tmpdir"), CACHE_DIRECTORY));
  }
}
