package dev.hygge.config.source;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.config.Origin;
import dev.hygge.credentials.CredentialTypes;
import dev.hygge.credentials.NamedCredential;
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
 * process serves), reached with the cloud's default credentials, unsigned, or with an Azure
 * connection string ({@link ProjectAccess}).
 */
public final class ProjectSources {
  /** Where fetched projects go, under the temporary directory. */
  static final String CACHE_DIRECTORY = "hygge-projects";

  private static final String CREDENTIAL_VARIABLE = "HYGGE_PROJECT_CREDENTIAL";
  private static final String CONNECTION_STRING_VARIABLE = "HYGGE_PROJECT_CONNECTION_STRING";
  private static final String CONNECTION_STRING_KEY = "connection_string";
  private static final String ACCOUNT_NAME = "AccountName";

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
    Optional<NamedCredential> credential = credential(settings.access(), location);
    Optional<String> account =
        settings.account().or(() -> connectionStringAccount(settings.access()));
    if (location.scheme().equals(Location.AZ) && account.isEmpty()) {
      throw HyggeException.config(
          "HYGGE_PROJECT "
              + settings.project()
              + " is an az:// URL: set HYGGE_PROJECT_ACCOUNT to its storage account, or write it"
              + " as abfss://container@account.dfs.core.windows.net/prefix.");
    }
    StorageAccess access =
        new StorageAccess(
            credential,
            settings.region(),
            settings.endpoint(),
            account,
            StorageAccess.DEFAULT_PART_SIZE);
    ObjectStore store = ObjectStores.open(new StorageTarget(location, settings.project(), access));
    return new ObjectStorageProjectSource(
        location,
        store,
        settings.refresh(),
        Clock.systemUTC(),
        Path.of(System.getProperty("java.io.tmpdir"), CACHE_DIRECTORY));
  }

  private static Optional<NamedCredential> credential(ProjectAccess access, Location location) {
    if (access instanceof ProjectAccess.Anonymous) {
      return Optional.of(
          new NamedCredential(
              ProjectSourceSettings.ANONYMOUS,
              CredentialTypes.ANONYMOUS,
              CredentialTypes.ANONYMOUS.method("none").orElseThrow(),
              Map.of(),
              new Origin(CREDENTIAL_VARIABLE, 0)));
    }
    if (access instanceof ProjectAccess.ConnectionString connection) {
      if (!location.scheme().equals(Location.AZ) && !location.scheme().equals(Location.ABFSS)) {
        throw HyggeException.config(
            "HYGGE_PROJECT_CONNECTION_STRING is for Azure Storage, but HYGGE_PROJECT is "
                + location
                + ": remove it, and let the cloud's default chain (or HYGGE_PROJECT_CREDENTIAL)"
                + " sign the requests.");
      }
      return Optional.of(
          new NamedCredential(
              CONNECTION_STRING_VARIABLE,
              CredentialTypes.AZURE_STORAGE,
              CredentialTypes.AZURE_STORAGE.method(CONNECTION_STRING_KEY).orElseThrow(),
              Map.of(CONNECTION_STRING_KEY, connection.connectionString()),
              new Origin(CONNECTION_STRING_VARIABLE, 0)));
    }
    return Optional.empty();
  }

  /** The {@code AccountName} of a connection string, for {@code az://} URLs. */
  private static Optional<String> connectionStringAccount(ProjectAccess access) {
    if (!(access instanceof ProjectAccess.ConnectionString connection)) {
      return Optional.empty();
    }
    for (String part : connection.connectionString().split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).trim().equals(ACCOUNT_NAME)) {
        return Optional.of(part.substring(eq + 1).trim()).filter(name -> !name.isEmpty());
      }
    }
    return Optional.empty();
  }
}
