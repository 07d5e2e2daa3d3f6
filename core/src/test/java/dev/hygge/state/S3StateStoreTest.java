package dev.hygge.state;

import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.s3.S3Endpoint;
import dev.hygge.storage.s3.S3ObjectStore;
import dev.hygge.storage.s3.S3Options;
import dev.hygge.testing.Moto;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/** The state store contract on S3, served by moto. */
class S3StateStoreTest extends CloudStateStoreContract {
  private static final String BUCKET = "hygge-state";
  private static Moto moto;

  @BeforeAll
  static void startMoto() throws Exception {
    moto = Moto.start();
    try (S3Client client = client()) {
      client.createBucket(b -> b.bucket(BUCKET));
    }
  }

  @AfterAll
  static void stopMoto() throws Exception {
    if (moto != null) {
      moto.close();
    }
  }

  @Override
  protected ObjectStore newObjectStore() {
    return new S3ObjectStore(S3StateStoreTest::client, S3Options.defaults());
  }

  @Override
  protected String bucket() {
    return "s3://" + BUCKET;
  }

  private static S3Client client() {
    return new S3Endpoint(Moto.REGION, Optional.of(moto.endpoint()))
        .newClient(
            S3Options.defaults(),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
  }
}
