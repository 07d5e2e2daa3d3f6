package dev.hygge.functions.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import dev.hygge.testing.Azurite;
import dev.hygge.testing.RecordedEvents;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBDriver;

/**
 * The sales project with its landing zone in a container of Azurite: CSV blobs under {@code
 * az://landing/sales/orders/} load incrementally into local Parquet under {@code lake/}, which
 * DuckDB reads back. Recorded Event Grid events are pointed at Azurite's blobs.
 */
final class AzureLanding {
  /** The landing container. */
  static final String CONTAINER = "landing";

  /** The blob the recorded event names, under the container. */
  static final String RECORDED_BLOB = "sales/orders/2026-01-31 orders.csv";

  private static final String RECORDED_URL =
      "https://hyggelanding.blob.core.windows.net/landing/sales/orders/2026-01-31%20orders.csv";

  private static final String RECORDED_ETAG = "0x8D4BCC2E4835CD0";
  private static final String RECORDED_SIZE = "\"contentLength\": 524288";

  private static final String RECORDED_CLOUD_EVENT_URL =
      "https://hyggelanding.dfs.core.windows.net/landing/sales/customers/customers.csv";
  private static final String RECORDED_CLOUD_EVENT_ETAG = "0x8D76C39E4407334";
  private static final String RECORDED_CLOUD_EVENT_SIZE = "\"contentLength\": 1200";

  private final Azurite azurite;
  private final BlobContainerClient container;

  AzureLanding(Azurite azurite) {
    this.azurite = requireNonNull(azurite, "azurite is null");
    this.container =
        new BlobServiceClientBuilder()
            .connectionString(azurite.connectionString())
            .httpClient(new JdkHttpClientBuilder().build())
            .buildClient()
            .getBlobContainerClient(CONTAINER);
  }

  /** Writes a fresh project reading the landing container and empties the container. */
  Path createProject() throws IOException {
    Path dir = SalesProject.PROJECT.create();
    Files.writeString(
        dir.resolve("hygge.yml"),
        """
        name: fn
        credentials:
          landing:
            type: azure_storage
            method: account_key
            account_key: ${LANDING_KEY}
        flows:
          sales:
            home:
              type: csv
              path: az://%s/sales
              credential: landing
              endpoint: %s
              account: %s
            store: {type: parquet, path: lake}
            run_type: incremental
            entities: [orders]
        """
            .formatted(CONTAINER, azurite.blobEndpoint(), Azurite.ACCOUNT));
    Files.writeString(dir.resolve(".env"), "LANDING_KEY=" + Azurite.ACCOUNT_KEY + "\n");
    if (container.exists()) {
      container.listBlobs().forEach(b -> container.getBlobClient(b.getName()).delete());
    } else {
      container.create();
    }
    return dir;
  }

  /** Puts a blob into the landing container and returns its eTag. */
  String put(String name, String text) {
    return container
        .getBlobClient(name)
        .uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromString(text)), null, null)
        .getValue()
        .getETag();
  }

  /** The blob's URL on Azurite, as Event Grid would write it (path style, percent-encoded). */
  URI url(String name) {
    StringBuilder path = new StringBuilder();
    for (String segment : name.split("/")) {
      path.append('/')
          .append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return URI.create(azurite.blobEndpoint() + "/" + CONTAINER + path);
  }

  /**
   * The recorded Event Grid BlobCreated event (one, as the host passes it) for a blob here, with
   * the blob's URL, eTag and size.
   */
  String blobCreatedEvent(String name, String eTag) {
    String array =
        new String(
            RecordedEvents.bytes("azure/eventgrid-blob-created.json"), StandardCharsets.UTF_8);
    String event = array.strip();
    event = event.substring(1, event.length() - 1).strip();
    long size = container.getBlobClient(name).getProperties().getBlobSize();
    return event
        .replace(RECORDED_URL, url(name).toString())
        .replace(RECORDED_ETAG, eTag)
        .replace(RECORDED_SIZE, "\"contentLength\": " + size);
  }

  /**
   * The recorded BlobCreated event in the CloudEvents schema for a blob here, with the blob's URL,
   * eTag and size.
   */
  String blobCreatedCloudEvent(String name, String eTag) {
    String event =
        new String(
            RecordedEvents.bytes("azure/cloudevents-blob-created.json"), StandardCharsets.UTF_8);
    long size = container.getBlobClient(name).getProperties().getBlobSize();
    return event
        .replace(RECORDED_CLOUD_EVENT_URL, url(name).toString())
        .replace(RECORDED_CLOUD_EVENT_ETAG, eTag)
        .replace(RECORDED_CLOUD_EVENT_SIZE, "\"contentLength\": " + size);
  }

  /** A DuckDB query's single value over the lake's Parquet files of an entity. */
  static String lake(Path project, String entity, String select) throws Exception {
    Path dir = project.resolve("lake").resolve(entity);
    if (!Files.isDirectory(dir)) {
      return "no lake";
    }
    // The driver directly: DriverManager hides drivers registered by an earlier Quarkus app's
    // class loader once a test profile restarts the app.
    try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(select + " FROM '" + dir + "/*.parquet'")) {
      r.next();
      return r.getString(1);
    }
  }

  /** The Parquet files of an entity in the lake. */
  static long lakeFiles(Path project, String entity) throws IOException {
    Path dir = project.resolve("lake").resolve(entity);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".parquet")).count();
    }
  }
}
