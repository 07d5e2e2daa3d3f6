package dev.hygge.config.source;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where a function's project is and how to reach it, read once from configuration (SmallRye:
 * environment variables, system properties, {@code application.properties}): not from the project,
 * which is not there yet.
 *
 * @param project a local directory or an object-storage URL ({@value #PROJECT})
 * @param refresh how long a fetched project is used before its {@code hygge.yml} version is checked
 *     again ({@value #REFRESH_SECONDS})
 * @param endpoint the storage service's URL, for emulators and S3-compatible services ({@value
 *     #ENDPOINT})
 * @param region the S3 region ({@value #REGION}); empty follows the bucket's
 * @param account the storage account of an {@code az://} URL ({@value #ACCOUNT})
 * @param access how requests are signed ({@value #CREDENTIAL}, {@value #CONNECTION_STRING})
 */
public record ProjectSourceSettings(
    String project,
    Duration refresh,
    Optional<URI> endpoint,
    Optional<String> region,
    Optional<String> account,
    ProjectAccess access) {
  /** The project (environment variable {@code HYGGE_PROJECT}); default {@code .}. */
  public static final String PROJECT = "hygge.project";

  /**
   * Seconds between checks of a fetched project's {@code hygge.yml} version (environment variable
   * {@code HYGGE_PROJECT_REFRESH_SECONDS}); default {@value #DEFAULT_REFRESH_SECONDS}, 0 checks on
   * every invocation.
   */
  public static final String REFRESH_SECONDS = "hygge.project.refresh-seconds";

  /** The default refresh interval, in seconds. */
  public static final long DEFAULT_REFRESH_SECONDS = 60;

  /** The storage endpoint (environment variable {@code HYGGE_PROJECT_ENDPOINT}). */
  public static final String ENDPOINT = "hygge.project.endpoint";

  /** The S3 region (environment variable {@code HYGGE_PROJECT_REGION}). */
  public static final String REGION = "hygge.project.region";

  /** The Azure storage account of {@code az://} (environment {@code HYGGE_PROJECT_ACCOUNT}). */
  public static final String ACCOUNT = "hygge.project.account";

  /**
   * How requests are signed (environment variable {@code HYGGE_PROJECT_CREDENTIAL}): {@value
   * #DEFAULT_CHAIN}, the cloud's default chain, or {@value #ANONYMOUS}, unsigned (public buckets,
   * emulators).
   */
  public static final String CREDENTIAL = "hygge.project.credential";

  /** The cloud's default credential chain. */
  public static final String DEFAULT_CHAIN = "default";

  /** Unsigned requests. */
  public static final String ANONYMOUS = "anonymous";

  /**
   * An Azure Storage connection string to read an {@code az://} or {@code abfss://} project with
   * (environment variable {@code HYGGE_PROJECT_CONNECTION_STRING}).
   */
  public static final String CONNECTION_STRING = "hygge.project.connection-string";

  public ProjectSourceSettings {
    requireNonNull(project, "project is null");
    requireNonNull(refresh, "refresh is null");
    requireNonNull(endpoint, "endpoint is null");
    requireNonNull(region, "region is null");
    requireNonNull(account, "account is null");
    requireNonNull(access, "access is null");
    if (refresh.isNegative()) {
      throw new IllegalArgumentException("refresh is negative: " + refresh);
    }
  }

  /** A project at this location with the default settings. */
  public static ProjectSourceSettings of(String project) {
    return new ProjectSourceSettings(
        project,
        Duration.ofSeconds(DEFAULT_REFRESH_SECONDS),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        new ProjectAccess.DefaultChain());
  }

  /**
   * Reads the settings.
   *
   * @throws HyggeException of kind CONFIG naming the variable when a value is malformed
   */
  public static ProjectSourceSettings from(Config config) {
    requireNonNull(config, "config is null");
    return new ProjectSourceSettings(
        text(config, PROJECT).orElse("."),
        Duration.ofSeconds(refreshSeconds(config)),
        text(config, ENDPOINT).map(ProjectSourceSettings::url),
        text(config, REGION),
        text(config, ACCOUNT),
        access(config));
  }

  private static ProjectAccess access(Config config) {
    Optional<String> connectionString = text(config, CONNECTION_STRING);
    String credential = text(config, CREDENTIAL).orElse(DEFAULT_CHAIN);
    if (connectionString.isPresent()) {
      if (!credential.equals(DEFAULT_CHAIN)) {
        throw HyggeException.config(
            "Set either HYGGE_PROJECT_CONNECTION_STRING or HYGGE_PROJECT_CREDENTIAL="
                + credential
                + ", not both.");
      }
      return new ProjectAccess.ConnectionString(connectionString.get());
    }
    return switch (credential) {
      case DEFAULT_CHAIN -> new ProjectAccess.DefaultChain();
      case ANONYMOUS -> new ProjectAccess.Anonymous();
      default ->
          throw HyggeException.config(
              "HYGGE_PROJECT_CREDENTIAL must be "
                  + DEFAULT_CHAIN
                  + " or "
                  + ANONYMOUS
                  + ", got '"
                  + credential
                  + "' (an Azure connection string goes in HYGGE_PROJECT_CONNECTION_STRING).");
    };
  }

  private static long refreshSeconds(Config config) {
    Optional<String> text = text(config, REFRESH_SECONDS);
    if (text.isEmpty()) {
      return DEFAULT_REFRESH_SECONDS;
    }
    try {
      long seconds = Long.parseLong(text.get());
      if (seconds >= 0) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // Reported below with the variable's name.
    }
    throw HyggeException.config(
        "HYGGE_PROJECT_REFRESH_SECONDS must be a whole number of seconds, 0 or more, got '"
            + text.get()
            + "'.");
  }

  private static URI url(String text) {
    try {
      URI uri = new URI(text);
      if (uri.getScheme() != null && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // Reported below with the variable's name.
    }
    throw HyggeException.config(
        "HYGGE_PROJECT_ENDPOINT '" + text + "' is not a URL such as http://127.0.0.1:9000.");
  }

  private static Optional<String> text(Config config, String key) {
    return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
  }
}
