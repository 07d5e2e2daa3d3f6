package dev.hygge.invoke.fanout;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.net.http.HttpClient;
import java.util.Optional;

/**
 * Opens the {@link RunQueue} the settings name. Each cloud's SDK is loaded only when its queue is
 * configured, so a function package carries only its own cloud's.
 */
public final class RunQueues {
  private static final String GOOGLE_CREDENTIALS = "com.google.auth.oauth2.GoogleCredentials";

  private RunQueues() {}

  /**
   * The configured queue, or empty when fan-out is not configured. The caller closes it.
   *
   * @throws HyggeException of kind CONFIG when this package lacks the queue's SDK, naming the
   *     dependency to add, or a setting is malformed
   */
  public static Optional<RunQueue> open(FanOutSettings settings) {
    requireNonNull(settings, "settings is null");
    if (settings.target().isEmpty()) {
      return Optional.empty();
    }
    FanOutTarget target = settings.target().get();
    try {
      return Optional.of(new BatchedRunQueue(transport(target, settings), settings.retry()));
    } catch (NoClassDefFoundError e) {
      throw new HyggeException(
          ErrorKind.CONFIG,
          "Cannot send run messages to "
              + describe(target)
              + ": this package of hygge leaves out "
              + artifact(target)
              + ". Add it to the function's build (each function package has its own cloud's).",
          e);
    }
  }

  private static QueueTransport transport(FanOutTarget target, FanOutSettings settings) {
    if (target instanceof FanOutTarget.Sqs sqs) {
      return dev.hygge.invoke.fanout.sqs.SqsQueues.open(sqs.queueUrl(), settings.endpoint());
    }
    if (target instanceof FanOutTarget.PubSub pubSub) {
      if (settings.endpoint().isEmpty()) {
        // Found now, not at the first publish, so a missing library fails here with its name.
        requireClass(GOOGLE_CREDENTIALS);
      }
      // An endpoint given explicitly is the emulator's or a test's: unsigned requests. Otherwise
      // Application Default Credentials sign them.
      return new dev.hygge.invoke.fanout.pubsub.PubSubTransport(
          settings
              .endpoint()
              .orElse(dev.hygge.invoke.fanout.pubsub.PubSubTransport.DEFAULT_ENDPOINT),
          pubSub.topic(),
          settings.endpoint().isPresent()
              ? dev.hygge.invoke.fanout.pubsub.AccessTokens.none()
              : new dev.hygge.invoke.fanout.pubsub.GoogleAccessTokens(),
          HttpClient.newHttpClient());
    }
    FanOutTarget.AzureQueue azure = (FanOutTarget.AzureQueue) target;
    if (azure.connectionString().isPresent()) {
      return dev.hygge.invoke.fanout.azure.AzureQueues.open(
          azure.connectionString().get(), azure.queue(), azure.connectionSetting());
    }
    return dev.hygge.invoke.fanout.azure.AzureQueues.open(
        settings.endpoint().orElse(azure.queueService().orElseThrow()), azure.queue());
  }

  private static void requireClass(String name) {
    try {
      Class.forName(name, false, RunQueues.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      NoClassDefFoundError missing = new NoClassDefFoundError(name);
      missing.initCause(e);
      throw missing;
    }
  }

  private static String describe(FanOutTarget target) {
    if (target instanceof FanOutTarget.Sqs sqs) {
      return "SQS queue " + sqs.queueUrl();
    }
    if (target instanceof FanOutTarget.PubSub pubSub) {
      return "Pub/Sub topic " + pubSub.topic();
    }
    return "Azure queue " + ((FanOutTarget.AzureQueue) target).queue();
  }

  private static String artifact(FanOutTarget target) {
    if (target instanceof FanOutTarget.Sqs) {
      return "software.amazon.awssdk:sqs";
    }
    if (target instanceof FanOutTarget.PubSub) {
      return "com.google.auth:google-auth-library-oauth2-http";
    }
    return "com.azure:azure-storage-queue (and com.azure:azure-identity for an identity-based"
        + " connection)";
  }
}
