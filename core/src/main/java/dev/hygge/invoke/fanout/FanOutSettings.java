package dev.hygge.invoke.fanout;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where a schedule for a whole flow sends its run messages, read once from configuration (SmallRye:
 * environment variables, system properties, {@code application.properties}). At most one of {@value
 * #QUEUE_URL}, {@value #TOPIC} and {@value #QUEUE} may be set; none means no fan-out.
 *
 * @param target the queue, or empty when fan-out is not configured
 * @param endpoint replaces the service's endpoint (ElasticMQ, a Pub/Sub emulator)
 * @param retry how refused messages are sent again
 */
public record FanOutSettings(
    Optional<FanOutTarget> target, Optional<URI> endpoint, SendRetry retry) {
  /** The SQS queue URL (environment variable {@code HYGGE_FANOUT_QUEUE_URL}). */
  public static final String QUEUE_URL = "hygge.fanout.queue-url";

  /** The Pub/Sub topic, {@code projects/P/topics/T} (environment {@code HYGGE_FANOUT_TOPIC}). */
  public static final String TOPIC = "hygge.fanout.topic";

  /** The Azure Storage queue's name (environment variable {@code HYGGE_FANOUT_QUEUE}). */
  public static final String QUEUE = "hygge.fanout.queue";

  /**
   * The name of the setting holding the Azure queue's connection (environment variable {@code
   * HYGGE_FANOUT_CONNECTION}), as a queue trigger's {@code connection}: default {@value
   * #DEFAULT_CONNECTION}.
   */
  public static final String CONNECTION = "hygge.fanout.connection";

  /** The connection the Functions host itself uses. */
  public static final String DEFAULT_CONNECTION = "AzureWebJobsStorage";

  /** The service URL replacing the cloud's (environment variable {@code HYGGE_FANOUT_ENDPOINT}). */
  public static final String ENDPOINT = "hygge.fanout.endpoint";

  /** Tries per message (environment variable {@code HYGGE_FANOUT_ATTEMPTS}). */
  public static final String ATTEMPTS = "hygge.fanout.attempts";

  /** The first wait in ms before a retry (environment {@code HYGGE_FANOUT_FIRST_BACKOFF_MS}). */
  public static final String FIRST_BACKOFF_MS = "hygge.fanout.first-backoff-ms";

  /** The longest wait in ms between retries (environment {@code HYGGE_FANOUT_MAX_BACKOFF_MS}). */
  public static final String MAX_BACKOFF_MS = "hygge.fanout.max-backoff-ms";

  /** Suffix of an identity-based connection's queue service URL setting. */
  static final String QUEUE_SERVICE_URI = "__queueServiceUri";

  /** Suffix of an identity-based connection's account name setting. */
  static final String ACCOUNT_NAME = "__accountName";

  public FanOutSettings {
    requireNonNull(target, "target is null");
    requireNonNull(endpoint, "endpoint is null");
    requireNonNull(retry, "retry is null");
  }

  /** No fan-out queue. */
  public static FanOutSettings none() {
    return new FanOutSettings(Optional.empty(), Optional.empty(), SendRetry.defaults());
  }

  /**
   * Reads the settings.
   *
   * @throws HyggeException of kind CONFIG naming the setting when more than one queue is set, a
   *     value is malformed, or an Azure queue has no connection
   */
  public static FanOutSettings from(Config config) {
    requireNonNull(config, "config is null");
    List<FanOutTarget> targets = new ArrayList<>();
    text(config, QUEUE_URL).ifPresent(url -> targets.add(new FanOutTarget.Sqs(url)));
    text(config, TOPIC).ifPresent(topic -> targets.add(new FanOutTarget.PubSub(topic)));
    text(config, QUEUE).ifPresent(queue -> targets.add(azureQueue(config, queue)));
    if (targets.size() > 1) {
      throw HyggeException.config(
          "More than one fan-out queue is configured ("
              + String.join(
                  ", ",
                  List.of(QUEUE_URL, TOPIC, QUEUE).stream()
                      .filter(key -> text(config, key).isPresent())
                      .map(FanOutSettings::envName)
                      .toList())
              + "): set only the one of the cloud the function runs on.");
    }
    SendRetry retry =
        new SendRetry(
            positive(config, ATTEMPTS, SendRetry.DEFAULT_ATTEMPTS),
            Duration.ofMillis(
                positive(config, FIRST_BACKOFF_MS, SendRetry.DEFAULT_FIRST_BACKOFF.toMillis())),
            Duration.ofMillis(
                positive(config, MAX_BACKOFF_MS, SendRetry.DEFAULT_MAX_BACKOFF.toMillis())));
    Optional<URI> endpoint = text(config, ENDPOINT).map(url -> url(ENDPOINT, url));
    return new FanOutSettings(targets.stream().findFirst(), endpoint, retry);
  }

  private static FanOutTarget azureQueue(Config config, String queue) {
    String connection = text(config, CONNECTION).orElse(DEFAULT_CONNECTION);
    Optional<String> connectionString = text(config, connection);
    if (connectionString.isPresent()) {
      return new FanOutTarget.AzureQueue(queue, connection, connectionString, Optional.empty());
    }
    Optional<URI> service =
        text(config, connection + QUEUE_SERVICE_URI)
            .map(url -> url(connection + QUEUE_SERVICE_URI, url))
            .or(
                () ->
                    text(config, connection + ACCOUNT_NAME)
                        .map(
                            account ->
                                URI.create("https://" + account + ".queue.core.windows.net")));
    if (service.isEmpty()) {
      throw HyggeException.config(
          "HYGGE_FANOUT_QUEUE names queue '"
              + queue
              + "' but its connection "
              + connection
              + " is not set: set "
              + connection
              + " to the storage account's connection string, or "
              + connection
              + QUEUE_SERVICE_URI
              + " (or "
              + connection
              + ACCOUNT_NAME
              + ") for an identity-based connection.");
    }
    return new FanOutTarget.AzureQueue(queue, connection, Optional.empty(), service);
  }

  private static Optional<String> text(Config config, String key) {
    return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
  }

  private static long positive(Config config, String key, long fallback) {
    Optional<String> text = text(config, key);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.get());
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below with the setting's name.
    }
    throw HyggeException.config(
        envName(key) + " must be a whole number of 1 or more, got '" + text.get() + "'.");
  }

  private static int positive(Config config, String key, int fallback) {
    long value = positive(config, key, (long) fallback);
    if (value > Integer.MAX_VALUE) {
      throw HyggeException.config(envName(key) + " is too large: " + value + ".");
    }
    return (int) value;
  }

  private static URI url(String key, String text) {
    try {
      URI uri = new URI(text);
      if (uri.getScheme() != null && uri.getHost() != null) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      // Reported below with the setting's name.
    }
    throw HyggeException.config(
        envName(key) + " '" + text + "' is not a URL such as http://127.0.0.1:9324.");
  }

  /** The environment variable SmallRye maps a property to. */
  static String envName(String key) {
    if (!key.startsWith("hygge.")) {
      return key;
    }
    StringBuilder name = new StringBuilder();
    for (char c : key.toCharArray()) {
      name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
    }
    return name.toString();
  }
}
