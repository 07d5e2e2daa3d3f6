package dev.hygge.functions.aws;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SQS for the fan-out tests: ElasticMQ in the test JVM on a free loopback port (as core's
 * SqsRunQueueTest starts it), with the queue {@value #QUEUE}; its URL becomes the function's {@code
 * hygge.fanout.queue-url}, as {@code HYGGE_FANOUT_QUEUE_URL} does on Lambda.
 */
public final class ElasticMqResource implements QuarkusTestResourceLifecycleManager {
  /** The queue, named as deploy/aws/template.yaml names the events and fan-out queue. */
  static final String QUEUE = "hygge-events";

  /** The AWS SDK's system properties for the default chain's static credentials. */
  private static final String ACCESS_KEY = "aws.accessKeyId";

  private static final String SECRET_KEY = "aws.secretAccessKey";

  private SQSRestServer server;

  @Override
  public Map<String, String> start() {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find a free port for ElasticMQ", e);
    }
    server =
        SQSRestServerBuilder.withInterface("127.0.0.1")
            .withPort(port)
            .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
            .start();
    server.waitUntilStarted();
    // The function signs with the AWS default chain, as on Lambda; ElasticMQ takes any key.
    System.setProperty(ACCESS_KEY, "elasticmq");
    System.setProperty(SECRET_KEY, "elasticmq");
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    try (SqsClient sqs = client(endpoint)) {
      String url = sqs.createQueue(q -> q.queueName(QUEUE)).queueUrl();
      return Map.of("hygge.fanout.queue-url", url);
    }
  }

  @Override
  public void stop() {
    System.clearProperty(ACCESS_KEY);
    System.clearProperty(SECRET_KEY);
    if (server != null) {
      server.stopAndWait();
    }
  }

  /** A client for ElasticMQ at this endpoint (any credentials); the caller closes it. */
  static SqsClient client(URI endpoint) {
    return SqsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .build();
  }
}
