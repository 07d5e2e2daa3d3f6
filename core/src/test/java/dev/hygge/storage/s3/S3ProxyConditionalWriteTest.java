package dev.hygge.storage.s3;

import dev.hygge.storage.ConditionalWriteContract;
import dev.hygge.storage.Location;
import dev.hygge.storage.SupportsConditionalWrite;
import dev.hygge.testing.S3Emulator;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Conditional writes on S3 served by s3proxy 4.1 in this JVM. */
class S3ProxyConditionalWriteTest extends ConditionalWriteContract {
  private static final String BUCKET = "hygge-state";
  private static S3Emulator s3;

  private S3ObjectStore store;
  private Location root;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3Emulator.start();
    s3.createBucket(BUCKET);
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  @BeforeEach
  void openStore() {
    store = new S3ObjectStore(() -> s3.client(S3Options.defaults()), S3Options.defaults());
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
}
