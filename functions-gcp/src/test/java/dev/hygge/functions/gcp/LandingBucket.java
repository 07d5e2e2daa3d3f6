package dev.hygge.functions.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hygge.testing.FakeGcsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The landing bucket {@value #BUCKET} on fake-gcs-server, and a project whose flow {@code sales}
 * reads CSV objects from it ({@code gs://hygge-landing/sales/<entity>/}) into Parquet in the local
 * {@code lake/}, incrementally (a journal of loaded objects).
 */
final class LandingBucket implements AutoCloseable {
  /** The bucket the recorded events name. */
  static final String BUCKET = "hygge-landing";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int HTTP_OK = 200;

  private final FakeGcsServer gcs;
  private final HttpClient http = HttpClient.newHttpClient();

  private LandingBucket(FakeGcsServer gcs) {
    this.gcs = gcs;
  }

  /** Starts fake-gcs-server with the landing bucket. */
  static LandingBucket start() {
    FakeGcsServer gcs = FakeGcsServer.start();
    gcs.createBucket(BUCKET);
    return new LandingBucket(gcs);
  }

  /** Writes the project into the module's project directory and returns the directory. */
  Path createProject() throws IOException {
    Path dir = SalesProject.PROJECT.create();
    Files.delete(dir.resolve("landing/orders/orders.csv"));
    Files.writeString(
        dir.resolve("hygge.yml"),
        """
        name: fn
        credentials:
          landing:
            type: anonymous
        flows:
          sales:
            home:
              type: csv
              path: gs://%s/sales
              credential: landing
              endpoint: %s
            store: {type: parquet, path: lake}
            run_type: incremental
            entities: [orders]
        """
            .formatted(BUCKET, gcs.endpoint()));
    return dir;
  }

  /**
   * Uploads an object and returns its metadata as the JSON API gives it (with generation, size).
   */
  JsonNode upload(String name, String text) {
    URI uri =
        gcs.endpoint()
            .resolve(
                "/upload/storage/v1/b/"
                    + BUCKET
                    + "/o?uploadType=media&name="
                    + URLEncoder.encode(name, StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(text))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != HTTP_OK) {
        throw new AssertionError(
            "fake-gcs-server refused the upload of " + name + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while uploading " + name, e);
    }
  }

  @Override
  public void close() {
    gcs.close();
  }
}
