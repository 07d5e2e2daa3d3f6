package dev.hygge.testing;

import dev.hygge.storage.s3.S3Endpoint;
import dev.hygge.storage.s3.S3Options;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 service for tests: s3proxy in this JVM on a random loopback port, with an in-memory blob
 * store and signed requests (access key {@value #ACCESS_KEY}, secret {@value #SECRET_KEY}).
 */
public final class S3Emulator implements AutoCloseable {
  public static final String ACCESS_KEY = "hygge-access";
  public static final String SECRET_KEY = "hygge-secret";
  public static final String REGION = "us-east-1";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final S3Proxy proxy;
  private final URI endpoint;

  private S3Emulator(S3Proxy proxy, URI endpoint) {
    this.proxy = proxy;
    this.endpoint = endpoint;
  }

  /** Starts the emulator and waits until it serves requests. */
  public static S3Emulator start() throws Exception {
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new TransientNio2BlobStore())
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .build();
    proxy.start();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (!"STARTED".equals(proxy.getState())) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "s3proxy did not start within "
                + START_TIMEOUT
                + " (state "
                + proxy.getState()
                + "); it runs in-process from org.gaul:s3proxy, check that the test classpath"
                + " has it and that loopback ports can be bound");
      }
      Thread.sleep(20);
    }
    return new S3Emulator(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
  }

  /** The emulator's URL, for {@code endpoint:} settings. */
  public URI endpoint() {
    return endpoint;
  }

  /** A new client signed with the emulator's keys; the caller closes it. */
  public S3Client client(S3Options options) {
    return new S3Endpoint(REGION, Optional.of(endpoint))
        .newClient(
            options,
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
  }

  /** Creates a bucket. */
  public void createBucket(String bucket) {
    try (S3Client client = client(S3Options.defaults())) {
      client.createBucket(b -> b.bucket(bucket));
    }
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
