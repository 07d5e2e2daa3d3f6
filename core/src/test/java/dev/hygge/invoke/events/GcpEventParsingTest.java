package dev.hygge.invoke.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.invoke.Invocation;
import dev.hygge.storage.CreatedObject;
import dev.hygge.storage.Location;
import dev.hygge.testing.RecordedEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The recorded Google Cloud payloads become the deliveries a Cloud Run function runs. */
class GcpEventParsingTest {
  private static final Invocation.RunOptions DEFAULTS = Invocation.RunOptions.defaults();
  private static final String NAME = "sales/orders/2026-01-31 orders.csv";

  private static ParsedEvent parse(String name) {
    return EventParser.parse(RecordedEvents.bytes("gcp/" + name), Optional.of(Cloud.GCP));
  }

  private static Delivery.Run finalized(String id) {
    return new Delivery.Run(
        id,
        "gs://hygge-landing/" + NAME,
        new Invocation.ObjectCreated(
            new CreatedObject(
                new Location(Location.GS, "hygge-landing", NAME),
                Optional.empty(),
                Optional.of("1769860800123456"),
                OptionalLong.of(352),
                Optional.of(Instant.parse("2026-01-31T12:00:00.123Z"))),
            DEFAULTS));
  }

  @Test
  void structuredFinalizedCloudEventIsTheObjectWithItsGeneration() {
    ParsedEvent event = parse("storage-object-finalized.json");

    assertThat(event.shape()).isEqualTo("CloudEvent google.cloud.storage.object.v1.finalized");
    assertThat(event.deliveries()).containsExactly(finalized("9425287046612345"));
  }

  @Test
  void binaryModeCloudEventGivesTheSameDelivery() {
    CloudEventAttributes headers =
        new CloudEventAttributes(
            "9425287046612345",
            "google.cloud.storage.object.v1.finalized",
            "//storage.googleapis.com/projects/_/buckets/hygge-landing",
            Optional.of("objects/" + NAME),
            Optional.of("2026-01-31T12:00:00.200Z"));

    ParsedEvent event =
        EventParser.parseCloudEvent(
            headers, RecordedEvents.bytes("gcp/storage-object-finalized-data.json"));

    assertThat(event.deliveries()).containsExactly(finalized("9425287046612345"));
  }

  @Test
  void deletedObjectIsIgnored() {
    assertThat(parse("storage-object-deleted.json").deliveries())
        .containsExactly(
            new Delivery.Ignored(
                "9425287046612399",
                "gs://hygge-landing/sales/orders/old.csv",
                "google.cloud.storage.object.v1.deleted does not create an object"));
  }

  @Test
  void finalizedWithoutNameFailsNamingTheField() {
    assertThatThrownBy(() -> parse("storage-object-finalized-missing-name.json"))
        .isInstanceOf(HyggeException.class)
        .hasMessage("data.name is missing in the Cloud Storage object event.")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CONFIG);
  }

  @Test
  void messagePublishedCarriesARunMessage() {
    ParsedEvent event = parse("pubsub-message-published.json");

    assertThat(event.shape()).isEqualTo("CloudEvent google.cloud.pubsub.topic.v1.messagePublished");
    assertThat(event.deliveries())
        .containsExactly(
            new Delivery.Run(
                "2070443601311540",
                "run of flow sales, entity orders",
                new Invocation.Scheduled("sales", Optional.of("orders"), DEFAULTS)));
  }

  @Test
  void pushEnvelopeOfCloudSchedulerRunsTheWholeFlow() {
    assertThat(parse("pubsub-push-run.json").deliveries())
        .containsExactly(
            new Delivery.Run(
                "2070443601311541",
                "run of flow sales (every entity)",
                new Invocation.Scheduled("sales", Optional.empty(), DEFAULTS)));
  }

  @Test
  void pushedStorageNotificationIsTheFinalizedObject() {
    assertThat(parse("pubsub-push-storage-notification.json").deliveries())
        .containsExactly(
            new Delivery.Run(
                "2070443601311542",
                "gs://hygge-landing/sales/orders/pushed.csv",
                new Invocation.ObjectCreated(
                    new CreatedObject(
                        new Location(Location.GS, "hygge-landing", "sales/orders/pushed.csv"),
                        Optional.empty(),
                        Optional.of("1769860900000001"),
                        OptionalLong.of(2048),
                        Optional.of(Instant.parse("2026-01-31T12:30:00Z"))),
                    DEFAULTS)));
    assertThat(parse("pubsub-push-storage-delete.json").deliveries())
        .containsExactly(
            new Delivery.Ignored(
                "2070443601311543",
                "gs://hygge-landing/sales/orders/pushed.csv",
                "Cloud Storage OBJECT_DELETE does not create an object"));
  }

  @Test
  void pubSubDataThatIsNoRunMessageFailsNamingTheField() {
    String push =
        "{\"message\": {\"data\": \"eyJmbG93eiI6IDF9\", \"messageId\": \"1\"}, \"subscription\":"
            + " \"projects/p/subscriptions/s\"}";

    assertThatThrownBy(
            () -> EventParser.parse(push.getBytes(StandardCharsets.UTF_8), Optional.of(Cloud.GCP)))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "message.data of the Pub/Sub message decodes to no run message: expected {\"flow\":"
                + " \"sales\", \"entity\": \"orders\"}, or a Cloud Storage notification"
                + " (attribute eventType).");
  }

  @Test
  void unknownCloudEventTypeFailsNamingWhatIsHandled() {
    String event =
        "{\"specversion\": \"1.0\", \"id\": \"1\", \"source\": \"//firestore\", \"type\":"
            + " \"google.cloud.firestore.document.v1.written\", \"data\": {}}";

    assertThatThrownBy(
            () -> EventParser.parse(event.getBytes(StandardCharsets.UTF_8), Optional.of(Cloud.GCP)))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "CloudEvent type 'google.cloud.firestore.document.v1.written' is not one hygge"
                + " handles: expected google.cloud.storage.object.v1.finalized or"
                + " google.cloud.pubsub.topic.v1.messagePublished.");
  }
}
