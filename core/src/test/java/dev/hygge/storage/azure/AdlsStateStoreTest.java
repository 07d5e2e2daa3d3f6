package dev.hygge.storage.azure;

import com.azure.storage.common.StorageSharedKeyCredential;
import dev.hygge.state.CloudStateStoreContract;
import dev.hygge.storage.ObjectStore;
import java.io.IOException;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The state store contract on ADLS Gen2, against {@link FakeDataLake}. */
class AdlsStateStoreTest extends CloudStateStoreContract {
  private static final String FILE_SYSTEM = "hygge-state";
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[64]);
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
  protected ObjectStore newObjectStore() {
    return new AdlsObjectStore(
        account ->
            AzureEndpoint.local(FakeDataLake.ACCOUNT, fake.endpoint())
                .newDataLakeClient(
                    AzureOptions.defaults(),
                    new StorageSharedKeyCredential(FakeDataLake.ACCOUNT, KEY)),
        AzureOptions.defaults());
  }

  @Override
  protected String bucket() {
    return "abfss://" + FILE_SYSTEM + "@" + FakeDataLake.ACCOUNT + ".dfs.core.windows.net";
  }
}
