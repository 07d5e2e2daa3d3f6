package dev.hygge.storage.azure;

import com.azure.core.credential.AzureSasCredential;
import com.azure.core.credential.TokenCredential;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.file.datalake.DataLakeServiceClient;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.credentials.NamedCredential;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.StorageAccess;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Builds Azure object stores ({@code abfss://} through the Data Lake API, {@code az://} through the
 * Blob API) from named credentials and the location's settings.
 */
public final class AzureStores {
  private AzureStores() {}

  /** A store for the location's scheme whose clients are built on first use, one per account. */
  public static ObjectStore open(StorageAccess access, Location location) {
    return open(access, location, AzureAuth.standard());
  }

  /**
   * A store for the location's scheme whose clients are built on first use, one per account, with
   * tokens and Key Vault keys from {@code auth}.
   */
  public static ObjectStore open(StorageAccess access, Location location, AzureAuth auth) {
    int block = (int) Math.min(access.partSize(), Integer.MAX_VALUE);
    AzureOptions options = AzureOptions.defaults().withBlockSize(block);
    Map<String, Object> clients = new ConcurrentHashMap<>();
    if (location.scheme().equals(Location.ABFSS)) {
      Function<String, DataLakeServiceClient> dataLake =
          account ->
              (DataLakeServiceClient)
                  clients.computeIfAbsent(
                      account, a -> dataLakeClient(endpoint(access, a), options, access, auth));
      return new AdlsObjectStore(dataLake, options);
    }
    Function<String, BlobServiceClient> blob =
        account ->
            (BlobServiceClient)
                clients.computeIfAbsent(
                    account, a -> blobClient(endpoint(access, a), options, access, auth));
    return new AzureBlobObjectStore(access.account(), blob, options);
  }

  private static AzureEndpoint endpoint(StorageAccess access, String account) {
    return access
        .endpoint()
        .map(uri -> AzureEndpoint.local(account, uri))
        .orElseGet(() -> AzureEndpoint.of(account));
  }

  private static BlobServiceClient blobClient(
      AzureEndpoint endpoint, AzureOptions options, StorageAccess access, AzureAuth auth) {
    Secret secret = secret(access.credential(), endpoint.account(), auth);
    if (secret instanceof Secret.Key key) {
      return endpoint.newBlobClient(options, key.credential());
    }
    if (secret instanceof Secret.Sas sas) {
      return endpoint.newBlobClient(options, sas.credential());
    }
    if (secret instanceof Secret.Token token) {
      return endpoint.newBlobClient(options, token.credential());
    }
    return endpoint.newAnonymousBlobClient(options);
  }

  private static DataLakeServiceClient dataLakeClient(
      AzureEndpoint endpoint, AzureOptions options, StorageAccess access, AzureAuth auth) {
    Secret secret = secret(access.credential(), endpoint.account(), auth);
    if (secret instanceof Secret.Key key) {
      return endpoint.newDataLakeClient(options, key.credential());
    }
    if (secret instanceof Secret.Sas sas) {
      return endpoint.newDataLakeClient(options, sas.credential());
    }
    if (secret instanceof Secret.Token token) {
      return endpoint.newDataLakeClient(options, token.credential());
    }
    return endpoint.newAnonymousDataLakeClient(options);
  }

  /** How requests to one account are signed. */
  private sealed interface Secret {
    record Key(StorageSharedKeyCredential credential) implements Secret {}

    record Sas(AzureSasCredential credential) implements Secret {}

    record Token(TokenCredential credential) implements Secret {}

    record None() implements Secret {}
  }

  private static Secret secret(
      Optional<NamedCredential> credential, String account, AzureAuth auth) {
    if (credential.isEmpty()) {
      // No credential: the Azure default chain, as for the other clouds.
      return new Secret.Token(auth.defaultChain());
    }
    NamedCredential c = credential.get();
    return switch (c.type().name() + "/" + c.method().name()) {
      case "anonymous/none" -> new Secret.None();
      case "azure_storage/account_key", "key_vault/direct_key" ->
          new Secret.Key(new StorageSharedKeyCredential(account, c.required("account_key")));
      case "key_vault/default" ->
          new Secret.Key(new StorageSharedKeyCredential(account, auth.accountKey(c)));
      case "azure_ad/default",
          "azure_ad/service_principal",
          "azure_ad/managed_identity",
          "azure_ad/workload_identity" ->
          new Secret.Token(auth.tokens(c));
      case "azure_storage/sas" ->
          new Secret.Sas(new AzureSasCredential(sas(c.required("sas_token"))));
      case "azure_storage/connection_string" -> fromConnectionString(c, account);
      default ->
          throw new HyggeException(
              ErrorKind.CONFIG,
              c.describe()
                  + " cannot sign Azure Storage requests: use an azure_ad, azure_storage or"
                  + " key_vault credential.");
    };
  }

  private static String sas(String token) {
    return token.startsWith("?") ? token.substring(1) : token;
  }

  private static Secret fromConnectionString(NamedCredential c, String account) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : c.required("connection_string").split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
      }
    }
    if (parts.containsKey("SharedAccessSignature")) {
      return new Secret.Sas(new AzureSasCredential(sas(parts.get("SharedAccessSignature"))));
    }
    String key = parts.get("AccountKey");
    String name = parts.getOrDefault("AccountName", account);
    if (key == null) {
      throw new HyggeException(
          ErrorKind.CONFIG,
          c.describe()
              + ": the connection string has neither AccountKey nor SharedAccessSignature; copy"
              + " it whole from the storage account's Access keys page.");
    }
    if (!name.equals(account)) {
      throw new HyggeException(
          ErrorKind.CONFIG,
          c.describe()
              + " is for account '"
              + name
              + "' but the location is in account '"
              + account
              + "'.");
    }
    return new Secret.Key(new StorageSharedKeyCredential(name, key));
  }
}
