package dev.hygge.deploy;

import java.util.List;

/**
 * The names the function adapters and the deployment templates share (issue 7's adapter contract):
 * handlers, entry points, functions, environment variables, queues and triggers.
 */
final class AdapterContract {
  /** The flag every JVM that runs hygge needs (Arrow). */
  static final String JAVA_OPENS = "--add-opens=java.base/java.nio=ALL-UNNAMED";

  /** AWS: the one Lambda handler, for every payload kind. */
  static final String AWS_HANDLER_CLASS = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler";

  static final String AWS_HANDLER = AWS_HANDLER_CLASS + "::handleRequest";
  static final String AWS_RUNTIME = "java21";
  static final String AWS_CODE_URI = "../../functions-aws/target/function.zip";
  static final String AWS_QUEUE = "hygge-events";
  static final String AWS_DEAD_LETTER_QUEUE = "hygge-events-dlq";
  static final int AWS_MAX_RECEIVE_COUNT = 5;
  static final int AWS_VISIBILITY_TIMEOUT_FACTOR = 6;
  static final List<String> AWS_ENVIRONMENT =
      List.of("HYGGE_PROJECT", "HYGGE_FANOUT_QUEUE_URL", "JAVA_TOOL_OPTIONS");

  /** Google Cloud: the CloudEvents function (storage and Pub/Sub events). */
  static final String GCP_EVENTS_FUNCTION = "hygge-events";

  static final String GCP_EVENTS_ENTRY_POINT =
      "io.quarkus.gcp.functions.QuarkusCloudEventsFunction";
  static final String GCP_EVENTS_BEAN = "events";

  /** Google Cloud: the HTTP function for manual runs. */
  static final String GCP_HTTP_FUNCTION = "hygge-http";

  static final String GCP_HTTP_ENTRY_POINT = "io.quarkus.gcp.functions.QuarkusHttpFunction";
  static final String GCP_HTTP_BEAN = "manual";
  static final String GCP_RUNTIME = "java21";
  static final String GCP_FUNCTION_SELECTOR = "QUARKUS_GOOGLE_CLOUD_FUNCTIONS_FUNCTION";
  static final String GCP_RUNS_TOPIC = "hygge-runs";
  static final String GCP_DEAD_LETTER_TOPIC = "hygge-runs-dead-letter";
  static final String GCP_STORAGE_FINALIZED = "google.cloud.storage.object.v1.finalized";
  static final String GCP_PUBSUB_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";
  static final List<String> GCP_ENVIRONMENT =
      List.of("HYGGE_PROJECT", "HYGGE_FANOUT_TOPIC", "JAVA_TOOL_OPTIONS", GCP_FUNCTION_SELECTOR);

  /** Azure: the Event Grid-triggered function the BlobCreated subscription calls. */
  static final String AZURE_BLOB_CREATED_FUNCTION = "BlobCreated";

  static final String AZURE_BLOB_CREATED_EVENT = "Microsoft.Storage.BlobCreated";
  static final String AZURE_QUEUE = "hygge-runs";
  static final String AZURE_POISON_QUEUE = "hygge-runs-poison";
  static final String AZURE_HOST_CONNECTION = "AzureWebJobsStorage";
  static final String AZURE_DEFAULT_SCHEDULE = "0 0 * * * *";
  static final List<String> AZURE_APP_SETTINGS =
      List.of(
          "HYGGE_PROJECT",
          "HYGGE_FANOUT_QUEUE",
          "HYGGE_SCHEDULE",
          "HYGGE_SCHEDULE_FLOW",
          "languageWorkers__java__arguments",
          "JAVA_OPTS");

  private AdapterContract() {}
}
