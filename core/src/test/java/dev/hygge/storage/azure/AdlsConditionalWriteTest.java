package dev.hygge.storage.azure;

import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.file.datalake.DataLakeServiceClient;
import dev.hygge.storage.ConditionalWriteContract;
import dev.hygge.storage.Location;
import dev.hygge.storage.SupportsConditionalWrite;
import java.io.IOException;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Conditional writes on ADLS Gen2 (an upload file renamed over the target under a destination
 * condition), against {@link FakeDataLake}: it checks what hygge sends, not the real service.
 */
class AdlsConditionalWriteTest extends ConditionalWriteContract {
  private static final String FILE_SYSTEM = "hygge-state";
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[64]);
  private static FakeDataLake fake;

  private AdlsObjectStore store;
  private Location root;

  @BeforeAll
  static void startFake() throws IOException {
    fake = FakeDataLake.start();
    fake.createFileSystem(FILE_SYSTEM);
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  @BeforeEach
  void openStore() {
    store = new AdlsObjectStore(account -> client(), AzureOptions.defaults());
    root =
        Location.parse(
            "abfss://"
                + FILE_SYSTEM
                + "@"
                + FakeDataLake.ACCOUNT
                + ".dfs.core.windows.net/"
                + UUID.randomUUID()
                + "/");
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

  private static DataLakeServiceClient client() {
    return AzureEndpoint.local(FakeDataLake.ACCOUNT, fake.endpoint())
        .newDataLakeClient(
            AzureOptions.defaults(), new StorageSharedKeyCredential(FakeDataLake.ACCOUNT, KEY));
  }
}
