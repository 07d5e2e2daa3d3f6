package dev.hygge.config.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.common.StorageSharedKeyCredential;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.azure.AzureBlobObjectStore;
import dev.hygge.storage.azure.AzureEndpoint;
import dev.hygge.storage.azure.AzureOptions;
import dev.hygge.testing.Azurite;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Projects fetched from Azure Blob Storage ({@code az://}), served by Azurite. */
class AzureProjectSourceTest extends ObjectStorageProjectSourceContract {
  private static final String CONTAINER = "projects";

  private static Azurite azurite;

  @BeforeAll
  static void startAzurite() {
    azurite = Azurite.start();
    new AzureEndpoint(Azurite.ACCOUNT, azurite.blobEndpoint(), azurite.blobEndpoint())
        .newBlobClient(AzureOptions.defaults(), key())
        .createBlobContainer(CONTAINER);
  }

  @AfterAll
  static void stopAzurite() {
    azurite.close();
  }

  private static StorageSharedKeyCredential key() {
    return new StorageSharedKeyCredential(Azurite.ACCOUNT, Azurite.ACCOUNT_KEY);
  }

  @Override
  protected ObjectStore newStore() {
    AzureOptions options = AzureOptions.defaults();
    return new AzureBlobObjectStore(
        Optional.of(Azurite.ACCOUNT),
        account ->
            AzureEndpoint.local(account, azurite.blobEndpoint()).newBlobClient(options, key()),
        options);
  }

  @Override
  protected Location newRoot() {
    return Location.parse("az://" + CONTAINER + "/" + UUID.randomUUID() + "/");
  }

  @Override
  protected Location missingBucket() {
    return Location.parse("az://no-such-container/project/");
  }

  @Test
  void hyggeProjectWithAConnectionStringNeedsNoAccountSetting() {
    Location root = uploadedProject("from-azure");

    String name =
        loadedName(
            settings(
                Map.of(
                    "HYGGE_PROJECT", root.toString(),
                    "HYGGE_PROJECT_ENDPOINT", azurite.blobEndpoint().toString(),
                    "HYGGE_PROJECT_CONNECTION_STRING", azurite.connectionString())));

    assertThat(name).isEqualTo("from-azure");
  }
}
