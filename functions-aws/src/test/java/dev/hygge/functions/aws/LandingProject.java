package dev.hygge.functions.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hygge.state.EntityKey;
import dev.hygge.state.EntityState;
import dev.hygge.state.JournalEntry;
import dev.hygge.state.LocalStateStore;
import dev.hygge.state.StateConfig;
import dev.hygge.storage.Location;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.s3.S3ObjectStore;
import dev.hygge.storage.s3.S3Options;
import dev.hygge.testing.RecordedEvents;
import dev.hygge.testing.S3Emulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * The functions' test project with its landing zone on the S3 emulator: flow {@code sales} reads
 * CSV objects under {@code s3://hygge-landing/sales/<entity>/} incrementally (journal in the
 * project's local state) and writes Parquet to the project's {@code lake/}; also the recorded AWS
 * payloads, edited for it.
 */
final class LandingProject {
  static final String BUCKET = "hygge-landing";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final S3Emulator s3;
  private final Path dir;

  private LandingProject(S3Emulator s3, Path dir) {
    this.s3 = s3;
    this.dir = dir;
  }

  /** Writes a fresh project whose home is the landing bucket at this S3 endpoint. */
  static LandingProject create(S3Emulator s3, String endpoint) throws IOException {
    Path dir = SalesProject.PROJECT.create();
    Files.writeString(
        dir.resolve("hygge.yml"),
        """
        name: fn
        credentials:
          landing:
            type: s3
            method: access_key
            access_key_id: %s
            secret_access_key: %s
        flows:
          sales:
            home:
              type: csv
              path: s3://%s/sales
              credential: landing
              endpoint: %s
            store: {type: parquet, path: lake}
            run_type: incremental
            entities: [orders]
        """
            .formatted(S3Emulator.ACCESS_KEY, S3Emulator.SECRET_KEY, BUCKET, endpoint));
    return new LandingProject(s3, dir);
  }

  /** Lands an object with the project's orders CSV under this key. */
  void land(String key) {
    try (S3ObjectStore store =
            new S3ObjectStore(() -> s3.client(S3Options.defaults()), S3Options.defaults());
        OutputObject object = store.create(new Location(Location.S3, BUCKET, key))) {
      object.write(dev.hygge.testing.SalesProject.ORDERS_CSV.getBytes(StandardCharsets.UTF_8));
      object.commit();
    }
  }

  /** The rows of the Parquet files in the lake for {@code orders}, read by DuckDB. */
  long lakeRows() throws SQLException {
    Path orders = dir.resolve("lake/orders");
    if (!Files.isDirectory(orders)) {
      return 0;
    }
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select count(*) from read_parquet('" + orders + "/*.parquet')")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** The Parquet files in the lake for {@code orders}. */
  long lakeFiles() throws IOException {
    Path orders = dir.resolve("lake/orders");
    if (!Files.isDirectory(orders)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(orders)) {
      return files.filter(f -> f.toString().endsWith(".parquet")).count();
    }
  }

  /** The object locations in the processed-object journal of {@code sales.orders}. */
  List<String> journal() {
    LocalStateStore state = new LocalStateStore(dir.resolve(StateConfig.DEFAULT_DIRECTORY));
    return state
        .read(new EntityKey("sales", "orders"))
        .map(v -> v.state())
        .map(EntityState::journal)
        .map(j -> j.entries().stream().map(JournalEntry::object).map(o -> o.location()).toList())
        .orElse(List.of());
  }

  /** A recorded payload as text. */
  static String recorded(String name) {
    return new String(RecordedEvents.bytes(name), StandardCharsets.UTF_8);
  }

  /** The recorded SQS batch {@code aws/sqs-batch.json} with only the messages at these indexes. */
  static String sqsBatch(int... messages) throws IOException {
    JsonNode recorded = JSON.readTree(RecordedEvents.bytes("aws/sqs-batch.json"));
    ObjectNode batch = JSON.createObjectNode();
    ArrayNode records = batch.putArray("Records");
    for (int message : messages) {
      records.add(recorded.get("Records").get(message));
    }
    return JSON.writeValueAsString(batch);
  }

  /** The id of a message of the recorded SQS batch. */
  static String messageId(int message) throws IOException {
    return JSON.readTree(RecordedEvents.bytes("aws/sqs-batch.json"))
        .get("Records")
        .get(message)
        .get("messageId")
        .asText();
  }
}
