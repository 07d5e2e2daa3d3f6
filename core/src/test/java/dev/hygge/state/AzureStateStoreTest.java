package dev.hygge.state;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.common.StorageSharedKeyCredential;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.azure.AzureBlobObjectStore;
import dev.hygge.storage.azure.AzureEndpoint;
import dev.hygge.storage.azure.AzureOptions;
import dev.hygge.testing.Azurite;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The state store contract on Azure Blob Storage, served by Azurite. */
class AzureStateStoreTest extends CloudStateStoreContract {
  private static final String CONTAINER = "hygge-state";
  private static Azurite azurite;

  @BeforeAll
  static void startAzurite() {
    azurite = Azurite.start();
    client().createBlobContainer(CONTAINER);
  }

  @AfterAll
  static void stopAzurite() {
    if (azurite != null) {
      azurite.close();
    }
  }

  @Override
  protected ObjectStore newObjectStore() {
    return new AzureBlobObjectStore(
        Optional.of(Azurite.ACCOUNT), account -> client(), AzureOptions.defaults());
  }

  @Override
  protected String bucket() {
    return "az://" + CONTAINER;
  }

  private static BlobServiceClient client() {
    return AzureEndpoint.local(Azurite.ACCOUNT, azurite.blobEndpoint())
        .newBlobClient(
            AzureOptions.defaults(),
            new StorageSharedKeyCredential(Azurite.ACCOUNT, Azurite.ACCOUNT_KEY));
  }
}
