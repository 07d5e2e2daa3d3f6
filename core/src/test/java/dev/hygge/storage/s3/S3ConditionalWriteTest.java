package dev.hygge.storage.s3;

import dev.hygge.storage.ConditionalWriteContract;
import dev.hygge.storage.Location;
import dev.hygge.storage.SupportsConditionalWrite;
import dev.hygge.testing.Moto;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Conditional writes on S3, served by moto (which honours {@code If-None-Match} and {@code
 * If-Match} on PutObject, unlike s3proxy 4.1 with its in-memory blob store).
 */
class S3ConditionalWriteTest extends ConditionalWriteContract {
  private static final String BUCKET = "hygge-state";
  private static Moto moto;

  private S3ObjectStore store;
  private Location root;

  @BeforeAll
  static void startMoto() throws Exception {
    moto = Moto.start();
    try (S3Client client = client(moto.endpoint())) {
      client.createBucket(b -> b.bucket(BUCKET));
    }
  }

  @AfterAll
  static void stopMoto() throws Exception {
    if (moto != null) {
      moto.close();
    }
  }

  @BeforeEach
  void openStore() {
    store = new S3ObjectStore(() -> client(moto.endpoint()), S3Options.defaults());
    root = Location.parse("s3://" + BUCKET + "/" + UUID.randomUUID() + "/");
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Override
  protected SupportsConditionalWrite store() {
    return store;
  }

  @Override
  protected Location root() {
    return root;
  }

  /** A client for moto's S3 (any credentials do). */
  static S3Client client(URI endpoint) {
    return new S3Endpoint(Moto.REGION, Optional.of(endpoint))
        .newClient(
            S3Options.defaults(),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
  }
}
