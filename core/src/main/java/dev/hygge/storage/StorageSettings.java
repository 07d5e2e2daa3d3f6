package dev.hygge.storage;

import dev.hygge.HyggeException;
import dev.hygge.config.Setting;
import dev.hygge.config.SettingType;
import dev.hygge.config.Settings;
import dev.hygge.credentials.CredentialUser;
import dev.hygge.credentials.NamedCredential;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The settings every file home and file store shares to say where its files are: a {@code path}
 * that is a local path or an object-storage URL, or a relative {@code path} under a {@code
 * provider} and its bucket, container or workspace; and how to reach the service.
 */
public final class StorageSettings {
  static final String PROVIDER = "provider";
  static final String BUCKET = "bucket";
  static final String CONTAINER = "container";
  static final String ACCOUNT = "account";
  static final String WORKSPACE = "workspace";
  static final String CREDENTIAL = "credential";
  static final String REGION = "region";
  static final String ENDPOINT = "endpoint";
  static final String PART_SIZE = "part_size";

  /** The smallest part S3 accepts, which bounds every backend's part size from below. */
  static final long MIN_PART_SIZE = 5L * 1024 * 1024;

  private static final String ONELAKE_HOST = "onelake.dfs.fabric.microsoft.com";
  private static final String ADLS_HOST_SUFFIX = ".dfs.core.windows.net";

  /** Where the files are and how to reach them; shared by file homes and stores. */
  public static final List<Setting> ALL =
      List.of(
          new Setting(
              PROVIDER,
              SettingType.CHOICE,
              Optional.empty(),
              false,
              List.of("local", "s3", "gcs", "azure", "onelake"),
              "Where a relative path lives, instead of a URL in path: s3 and gcs take bucket,"
                  + " azure takes account and container, onelake takes workspace."),
          Setting.optional(BUCKET, SettingType.STRING, "The S3 or GCS bucket, with provider."),
          Setting.optional(
              CONTAINER, SettingType.STRING, "The Azure container, with provider: azure."),
          Setting.optional(
              ACCOUNT,
              SettingType.STRING,
              "The Azure storage account, with provider: azure or an az:// path."),
          Setting.optional(
              WORKSPACE, SettingType.STRING, "The Fabric workspace, with provider: onelake."),
          Setting.optional(
              CREDENTIAL,
              SettingType.STRING,
              "A named credential from credentials: in hygge.yml; without it the cloud's default"
                  + " chain is used."),
          Setting.optional(
              REGION,
              SettingType.STRING,
              "The S3 region; by default the client finds the bucket's region itself."),
          Setting.optional(
              ENDPOINT,
              SettingType.STRING,
              "The service URL of an S3-compatible service (MinIO, Ceph, s3proxy) or an"
                  + " emulator (fake-gcs-server, Azurite)."),
          Setting.optional(
              PART_SIZE,
              SettingType.SIZE,
              "8MB",
              "Bytes per uploaded part (S3 multipart part, GCS resumable chunk, Azure block);"
                  + " one part per open file is held in memory. At least 5MB."));

  private StorageSettings() {}

  /** The file setting {@code pathSetting} followed by the shared storage settings. */
  public static List<Setting> with(Setting pathSetting) {
    return Stream.concat(Stream.of(pathSetting), ALL.stream()).toList();
  }

  /**
   * Binds where the files are and how to reach them. Does no I/O.
   *
   * @param pathKey the key of the file, directory or glob setting, usually {@code path}
   * @throws HyggeException of kind CONFIG naming the key when the location is malformed, settings
   *     contradict each other, or the credential does not fit the location's service
   */
  public static StorageTarget target(Settings settings, String pathKey) {
    String written = settings.string(pathKey);
    Location location =
        settings.has(PROVIDER) ? byProvider(settings, pathKey) : byPath(settings, pathKey);
    return new StorageTarget(location, written, access(settings, location));
  }

  private static Location byPath(Settings settings, String pathKey) {
    for (String key : List.of(BUCKET, CONTAINER, WORKSPACE)) {
      if (settings.has(key)) {
        throw settings.error(
            key,
            "it needs provider: (s3, gcs, azure or onelake) with a relative "
                + pathKey
                + ", or drop it and write the bucket into "
                + pathKey
                + " as a URL such as s3://bucket/prefix.");
      }
    }
    return settings.location(pathKey);
  }

  private static Location byProvider(Settings settings, String pathKey) {
    String provider = settings.string(PROVIDER);
    Location asWritten = settings.location(pathKey);
    if (!asWritten.isLocal()) {
      throw settings.error(
          PROVIDER,
          pathKey
              + " is already a URL ("
              + settings.string(pathKey)
              + "); drop provider: or write "
              + pathKey
              + " relative to the bucket.");
    }
    String key = relative(settings.string(pathKey));
    return switch (provider) {
      case "local" -> asWritten;
      case "s3" -> new Location(Location.S3, need(settings, BUCKET, provider), key);
      case "gcs" -> new Location(Location.GS, need(settings, BUCKET, provider), key);
      case "azure" ->
          new Location(
              Location.ABFSS,
              need(settings, CONTAINER, provider)
                  + "@"
                  + need(settings, ACCOUNT, provider)
                  + ADLS_HOST_SUFFIX,
              key);
      case "onelake" ->
          new Location(
              Location.ABFSS, need(settings, WORKSPACE, provider) + "@" + ONELAKE_HOST, key);
      default -> throw new IllegalStateException("undeclared provider " + provider);
    };
  }

  private static String relative(String path) {
    String key = path;
    while (key.startsWith("/")) {
      key = key.substring(1);
    }
    return key;
  }

  private static String need(Settings settings, String key, String provider) {
    if (!settings.has(key) || settings.string(key).isBlank()) {
      throw HyggeException.config(
          "Missing '"
              + key
              + "' in "
              + settings.block()
              + " at "
              + settings.origin()
              + ": provider: "
              + provider
              + " needs it.");
    }
    return settings.string(key);
  }

  private static StorageAccess access(Settings settings, Location location) {
    Optional<NamedCredential> credential = Optional.empty();
    if (settings.has(CREDENTIAL)) {
      if (location.isLocal()) {
        throw settings.error(CREDENTIAL, "local files take no credential; remove it.");
      }
      credential = settings.credential(CREDENTIAL, user(location));
    }
    if (settings.has(REGION) && !location.scheme().equals(Location.S3)) {
      throw settings.error(REGION, "only S3 locations take a region.");
    }
    if (settings.has(ACCOUNT)
        && !settings.has(PROVIDER)
        && !location.scheme().equals(Location.AZ)) {
      throw settings.error(
          ACCOUNT,
          "only az://container/path locations (or provider: azure) take an account; an abfss://"
              + " URL names it in its host.");
    }
    if (location.scheme().equals(Location.AZ)
        && (!settings.has(ACCOUNT) || settings.string(ACCOUNT).isBlank())) {
      throw settings.error(
          "path",
          "an az:// location needs account: (the storage account), or write it as"
              + " abfss://container@account.dfs.core.windows.net/path.");
    }
    long partSize = settings.size(PART_SIZE);
    if (partSize < MIN_PART_SIZE) {
      throw settings.error(PART_SIZE, "must be at least 5MB (S3's smallest part), got " + partSize);
    }
    if (partSize > Integer.MAX_VALUE) {
      throw settings.error(PART_SIZE, "must be below 2GB, got " + partSize);
    }
    return new StorageAccess(
        credential,
        settings.optionalString(REGION).filter(s -> !s.isBlank()),
        endpoint(settings),
        settings.optionalString(ACCOUNT).filter(s -> !s.isBlank()),
        partSize);
  }

  /** Which credential types fit a location. */
  static CredentialUser user(Location location) {
    return switch (location.scheme()) {
      case Location.S3 -> CredentialUser.S3;
      case Location.GS -> CredentialUser.GCS;
      case Location.ABFSS ->
          location.authority().endsWith("@" + ONELAKE_HOST)
              ? CredentialUser.ONELAKE
              : CredentialUser.AZURE_STORAGE;
      default -> CredentialUser.AZURE_STORAGE;
    };
  }

  /** Whether an abfss:// location is in OneLake. */
  public static boolean isOneLake(Location location) {
    return location.scheme().equals(Location.ABFSS)
        && location.authority().endsWith("@" + ONELAKE_HOST);
  }

  private static Optional<URI> endpoint(Settings settings) {
    Optional<String> text = settings.optionalString(ENDPOINT).filter(s -> !s.isBlank());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text.get());
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw settings.error(
            ENDPOINT, "'" + text.get() + "' is not a URL such as http://127.0.0.1:9000");
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      throw settings.error(ENDPOINT, "'" + text.get() + "' is not a URL: " + e.getMessage());
    }
  }
}
