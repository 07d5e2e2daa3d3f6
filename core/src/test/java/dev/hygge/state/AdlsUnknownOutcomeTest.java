package dev.hygge.state;

import com.azure.storage.common.StorageSharedKeyCredential;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.azure.AdlsObjectStore;
import dev.hygge.storage.azure.AzureEndpoint;
import dev.hygge.storage.azure.AzureOptions;
import dev.hygge.storage.azure.FakeDataLake;
import dev.hygge.testing.ReplyLosingProxy;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Unknown outcomes of state writes on ADLS Gen2, against {@link FakeDataLake} (no emulator has the
 * Data Lake API): a state write is an upload file renamed over the state object under {@code
 * If-Match} or {@code If-None-Match: *}; a retried rename finds its upload file gone.
 */
class AdlsUnknownOutcomeTest extends UnknownOutcomeContract {
  private static final String FILE_SYSTEM = "hygge-state";
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[64]);
  private static final AzureOptions OPTIONS =
      AzureOptions.defaults()
          .withRetries(MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(20));
  private static FakeDataLake fake;

  @BeforeAll
  static void startFake() throws IOException {
    fake = FakeDataLake.start();
    fake.createFileSystem(FILE_SYSTEM);
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  @Override
  protected URI target() {
    return fake.endpoint();
  }

  @Override
  protected ObjectStore newObjectStore(URI endpoint) {
    URI dfs = endpoint.resolve("/" + FakeDataLake.ACCOUNT);
    return new AdlsObjectStore(
        account ->
            AzureEndpoint.local(FakeDataLake.ACCOUNT, dfs)
                .newDataLakeClient(
                    OPTIONS, new StorageSharedKeyCredential(FakeDataLake.ACCOUNT, KEY)),
        OPTIONS);
  }

  @Override
  protected String bucket() {
    return "abfss://" + FILE_SYSTEM + "@" + FakeDataLake.ACCOUNT + ".dfs.core.windows.net";
  }

  @Override
  protected Predicate<ReplyLosingProxy.Request> conditionalWrite() {
    return request -> request.method().equals("PUT") && request.has("x-ms-rename-source");
  }
}
