package dev.hygge.storage.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.credential.AzureSasCredential;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import com.azure.storage.file.datalake.DataLakeServiceClient;
import com.azure.storage.file.datalake.DataLakeServiceClientBuilder;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.net.URI;

/**
 * Where one storage account's Blob and Data Lake (dfs) endpoints are, and how to build clients for
 * them. Clients send requests over the JDK's HttpClient (not Netty) and retry with exponential
 * backoff, bounded by {@link AzureOptions}.
 *
 * @param account the storage account
 * @param blob the Blob endpoint, e.g. {@code https://account.blob.core.windows.net}
 * @param dfs the Data Lake endpoint, e.g. {@code https://account.dfs.core.windows.net}
 */
public record AzureEndpoint(String account, URI blob, URI dfs) {
  private static final String ONELAKE_BLOB = "https://onelake.blob.fabric.microsoft.com";
  private static final String HTTPS = "https";
  private static final String ONELAKE_DFS = "https://onelake.dfs.fabric.microsoft.com";

  public AzureEndpoint {
    requireNonNull(account, "account is null");
    requireNonNull(blob, "blob is null");
    requireNonNull(dfs, "dfs is null");
  }

  /** The public-cloud endpoints of a storage account, or OneLake's for {@code onelake}. */
  public static AzureEndpoint of(String account) {
    requireNonNull(account, "account is null");
    if (account.equals(AzureLocation.ONELAKE_ACCOUNT)) {
      return new AzureEndpoint(account, URI.create(ONELAKE_BLOB), URI.create(ONELAKE_DFS));
    }
    return new AzureEndpoint(
        account,
        URI.create("https://" + account + ".blob.core.windows.net"),
        URI.create("https://" + account + ".dfs.core.windows.net"));
  }

  /**
   * An emulator's or proxy's endpoint that serves both APIs under one URL with the account as the
   * first path segment, e.g. Azurite's {@code http://127.0.0.1:10000/devstoreaccount1}.
   */
  public static AzureEndpoint local(String account, URI endpoint) {
    return new AzureEndpoint(account, endpoint, endpoint);
  }

  /** Whether this is OneLake, which takes Microsoft Entra tokens only. */
  public boolean isOneLake() {
    return account.equals(AzureLocation.ONELAKE_ACCOUNT);
  }

  /** A Blob client signing with the account key. */
  public BlobServiceClient newBlobClient(AzureOptions options, StorageSharedKeyCredential key) {
    requireKeysAllowed();
    return blobBuilder(options).credential(requireNonNull(key, "key is null")).buildClient();
  }

  /** A Blob client with Microsoft Entra tokens (service principal, managed identity, CLI...). */
  public BlobServiceClient newBlobClient(AzureOptions options, TokenCredential token) {
    requireHttps(blob);
    return blobBuilder(options).credential(requireNonNull(token, "token is null")).buildClient();
  }

  /** A Blob client with a shared access signature. */
  public BlobServiceClient newBlobClient(AzureOptions options, AzureSasCredential sas) {
    requireKeysAllowed();
    return blobBuilder(options).credential(requireNonNull(sas, "sas is null")).buildClient();
  }

  /** A Blob client sending unsigned requests, for public containers. */
  public BlobServiceClient newAnonymousBlobClient(AzureOptions options) {
    return blobBuilder(options).buildClient();
  }

  /** A Data Lake client sending unsigned requests, for public containers. */
  public DataLakeServiceClient newAnonymousDataLakeClient(AzureOptions options) {
    return dataLakeBuilder(options).buildClient();
  }

  /** A Data Lake client signing with the account key. */
  public DataLakeServiceClient newDataLakeClient(
      AzureOptions options, StorageSharedKeyCredential key) {
    requireKeysAllowed();
    return dataLakeBuilder(options).credential(requireNonNull(key, "key is null")).buildClient();
  }

  /** A Data Lake client with Microsoft Entra tokens; the only kind OneLake accepts. */
  public DataLakeServiceClient newDataLakeClient(AzureOptions options, TokenCredential token) {
    requireHttps(dfs);
    return dataLakeBuilder(options)
        .credential(requireNonNull(token, "token is null"))
        .buildClient();
  }

  /** A Data Lake client with a shared access signature. */
  public DataLakeServiceClient newDataLakeClient(AzureOptions options, AzureSasCredential sas) {
    requireKeysAllowed();
    return dataLakeBuilder(options).credential(requireNonNull(sas, "sas is null")).buildClient();
  }

  /**
   * The client's retry policy: exponential backoff from {@link AzureOptions#baseDelay()} up to
   * {@link AzureOptions#maxDelay()}, at most {@link AzureOptions#maxAttempts()} attempts, on 429,
   * 5xx (503 ServerBusy included), timeouts and connection failures.
   */
  static RequestRetryOptions retries(AzureOptions options) {
    return new RequestRetryOptions(
        RetryPolicyType.EXPONENTIAL,
        options.maxAttempts(),
        options.tryTimeout(),
        options.baseDelay(),
        options.maxDelay(),
        null);
  }

  private BlobServiceClientBuilder blobBuilder(AzureOptions options) {
    requireNonNull(options, "options is null");
    return new BlobServiceClientBuilder()
        .endpoint(blob.toString())
        .httpClient(httpClient())
        .retryOptions(retries(options));
  }

  private DataLakeServiceClientBuilder dataLakeBuilder(AzureOptions options) {
    requireNonNull(options, "options is null");
    return new DataLakeServiceClientBuilder()
        .endpoint(dfs.toString())
        .httpClient(httpClient())
        .retryOptions(retries(options));
  }

  private static HttpClient httpClient() {
    // Azure Storage speaks HTTP/1.1; asking for it saves the JDK client an h2c upgrade attempt.
    return new JdkHttpClientBuilder(
            java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1))
        .build();
  }

  private void requireHttps(URI endpoint) {
    if (!HTTPS.equalsIgnoreCase(endpoint.getScheme())) {
      throw new HyggeException(
          ErrorKind.CONFIG,
          "Storage account '"
              + account
              + "' is reached at "
              + endpoint
              + ", but Microsoft Entra ID tokens are sent over HTTPS only: give an https"
              + " endpoint, or an azure_storage credential (account key, SAS or connection string)"
              + " for an emulator.");
    }
  }

  private void requireKeysAllowed() {
    if (isOneLake()) {
      throw new HyggeException(
          ErrorKind.CREDENTIAL,
          "OneLake accepts Microsoft Entra tokens only, not account keys or SAS tokens: use an"
              + " azure_ad credential (service principal, managed identity or the default chain)");
    }
  }
}
