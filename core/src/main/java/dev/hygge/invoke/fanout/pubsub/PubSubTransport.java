package dev.hygge.invoke.fanout.pubsub;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.invoke.ManualRun;
import dev.hygge.invoke.fanout.BatchOutcome;
import dev.hygge.invoke.fanout.FailedRun;
import dev.hygge.invoke.fanout.QueueTransport;
import dev.hygge.invoke.fanout.RunMessages;
import dev.hygge.invoke.fanout.SentRun;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Publishes run messages to a Pub/Sub topic through the REST API ({@code POST
 * v1/projects/P/topics/T:publish}), up to 1000 per request, over the JDK's HTTP client: no gRPC
 * client library, which would weigh more than the rest of a function. A publish is all or nothing:
 * throttling ({@code 429}) and server errors report every message of the request retryable.
 */
public final class PubSubTransport implements QueueTransport {
  /** The public REST endpoint. */
  public static final URI DEFAULT_ENDPOINT = URI.create("https://pubsub.googleapis.com");

  /** The most messages one publish request takes. */
  public static final int MAX_BATCH = 1000;

  /** How long one publish request may take. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final Pattern TOPIC = Pattern.compile("projects/[a-z][a-z0-9.:-]*/topics/[^/]+");
  private static final int UNAUTHORIZED = 401;
  private static final int FORBIDDEN = 403;
  private static final int NOT_FOUND = 404;
  private static final int FIRST_ERROR = 300;
  private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);
  private static final int MAX_SHOWN_BODY = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final String topic;
  private final AccessTokens tokens;
  private final HttpClient http;

  /**
   * @param endpoint the REST API's base URL, e.g. {@link #DEFAULT_ENDPOINT}
   * @param topic {@code projects/PROJECT/topics/TOPIC}
   * @param tokens the bearer tokens requests are signed with
   * @throws HyggeException of kind CONFIG when the topic is not a full topic name
   */
  public PubSubTransport(URI endpoint, String topic, AccessTokens tokens, HttpClient http) {
    this.endpoint = requireNonNull(endpoint, "endpoint is null");
    this.topic = requireNonNull(topic, "topic is null");
    this.tokens = requireNonNull(tokens, "tokens is null");
    this.http = requireNonNull(http, "http is null");
    if (!TOPIC.matcher(topic).matches()) {
      throw HyggeException.config(
          "HYGGE_FANOUT_TOPIC '"
              + topic
              + "' is not a topic name: write it whole, e.g. projects/my-project/topics/hygge-runs.");
    }
  }

  @Override
  public String describe() {
    return "Pub/Sub topic " + topic;
  }

  @Override
  public int maxBatch() {
    return MAX_BATCH;
  }

  @Override
  public BatchOutcome send(List<ManualRun> batch) {
    if (batch.size() > MAX_BATCH) {
      throw new IllegalArgumentException("at most " + MAX_BATCH + " messages: " + batch.size());
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(publishUri())
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body(batch)));
    HttpResponse<String> response;
    try {
      token().ifPresent(t -> request.header("Authorization", "Bearer " + t));
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return everyMessageFailed(batch, "no answer from " + endpoint.getHost() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HyggeException(ErrorKind.INTERNAL, "Interrupted while publishing to " + topic, e);
    }
    int status = response.statusCode();
    if (status < FIRST_ERROR) {
      return new BatchOutcome(sent(batch, response.body()), List.of());
    }
    String reason = "HTTP " + status + " " + errorMessage(response.body());
    if (RETRYABLE.contains(status)) {
      return everyMessageFailed(batch, reason);
    }
    throw switch (status) {
      case NOT_FOUND ->
          HyggeException.config(
              "The fan-out topic "
                  + topic
                  + " does not exist ("
                  + reason
                  + "): check HYGGE_FANOUT_TOPIC, or create the topic.");
      case UNAUTHORIZED, FORBIDDEN ->
          new HyggeException(
              ErrorKind.CREDENTIAL,
              "Pub/Sub refused to publish to "
                  + topic
                  + " ("
                  + reason
                  + "): give the function's service account roles/pubsub.publisher on the topic.");
      default ->
          new HyggeException(
              ErrorKind.STORE, "Pub/Sub refused the run messages for " + topic + ": " + reason);
    };
  }

  private URI publishUri() {
    String base = endpoint.toString();
    return URI.create(
        (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
            + "/v1/"
            + topic
            + ":publish");
  }

  private Optional<String> token() {
    try {
      return tokens.token();
    } catch (IOException e) {
      throw new HyggeException(
          ErrorKind.CREDENTIAL,
          "Cannot get Google credentials to publish to "
              + topic
              + ": "
              + e.getMessage()
              + ". Set GOOGLE_APPLICATION_CREDENTIALS or run where a service account is attached.",
          e);
    }
  }

  private static String body(List<ManualRun> batch) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode messages = body.putArray("messages");
    for (ManualRun run : batch) {
      ObjectNode message = messages.addObject();
      message.put(
          "data",
          Base64.getEncoder()
              .encodeToString(RunMessages.json(run).getBytes(StandardCharsets.UTF_8)));
      ObjectNode attributes = message.putObject("attributes");
      attributes.put("flow", run.flow());
      if (run.entity() != null) {
        attributes.put("entity", run.entity());
      }
    }
    return body.toString();
  }

  private List<SentRun> sent(List<ManualRun> batch, String body) {
    JsonNode ids;
    try {
      ids = JSON.readTree(body).path("messageIds");
    } catch (JsonProcessingException e) {
      throw new HyggeException(
          ErrorKind.STORE,
          "Pub/Sub answered a publish to " + topic + " with no JSON (is the endpoint right?)",
          e);
    }
    if (!ids.isArray() || ids.size() != batch.size()) {
      throw new HyggeException(
          ErrorKind.STORE,
          "Pub/Sub answered a publish of "
              + batch.size()
              + " messages to "
              + topic
              + " with "
              + ids.size()
              + " message ids: "
              + shortened(body));
    }
    List<SentRun> sent = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      sent.add(new SentRun(batch.get(i), ids.get(i).asText()));
    }
    return sent;
  }

  private static BatchOutcome everyMessageFailed(List<ManualRun> batch, String reason) {
    return new BatchOutcome(
        List.of(), batch.stream().map(run -> new FailedRun(run, reason, true)).toList());
  }

  /** The {@code error.message} of an error body, or the start of the body when it has none. */
  private static String errorMessage(String body) {
    try {
      JsonNode message = JSON.readTree(body).path("error").path("message");
      if (message.isTextual()) {
        return message.asText();
      }
    } catch (JsonProcessingException e) {
      // Not JSON: a proxy's page or the wrong endpoint; the body itself is shown.
      return shortened(body);
    }
    return shortened(body);
  }

  private static String shortened(String body) {
    return body.length() > MAX_SHOWN_BODY ? body.substring(0, MAX_SHOWN_BODY) : body;
  }

  @Override
  public void close() {
    // The JDK HTTP client of Java 17 has nothing to close.
  }
}
