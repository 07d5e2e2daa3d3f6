package dev.hygge.files;

import com.azure.storage.common.StorageSharedKeyCredential;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.azure.AdlsObjectStore;
import dev.hygge.storage.azure.AzureEndpoint;
import dev.hygge.storage.azure.AzureOptions;
import dev.hygge.storage.azure.FakeDataLake;
import java.io.IOException;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staged object publish on ADLS Gen2, where files move by an atomic rename. Azurite has no Data
 * Lake (dfs) API, so {@link FakeDataLake}, an in-process fake of the documented REST contract,
 * serves it: this checks what hygge sends, not the real service.
 */
class AdlsStagedObjectsTest extends StagedObjectsContract {
  private static final String FILE_SYSTEM = "staging-test";
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
    store =
        new AdlsObjectStore(
            account ->
                AzureEndpoint.local(account, fake.endpoint())
                    .newDataLakeClient(
                        AzureOptions.defaults(), new StorageSharedKeyCredential(account, KEY)),
            AzureOptions.defaults());
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
  protected ObjectStore store() {
    return store;
  }

  @Override
  protected Location root() {
    return root;
  }

  @Test
  void movesByRename() throws Exception {
    assertMovesInsideTheService(store);
  }
}
