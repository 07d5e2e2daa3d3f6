package dev.hygge.invoke.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.testing.RecordedEvents;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Without {@code --cloud} the shape is detected; with it, only that cloud's shapes are tried. */
class EventDetectionTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "aws/s3-object-created.json",
        "aws/s3-test-event.json",
        "aws/eventbridge-object-created.json",
        "aws/sqs-batch.json",
        "aws/direct-run-entity.json",
        "gcp/storage-object-finalized.json",
        "gcp/pubsub-message-published.json",
        "gcp/pubsub-push-run.json",
        "gcp/pubsub-push-storage-notification.json",
        "azure/eventgrid-blob-created.json",
        "azure/cloudevents-blob-created.json",
        "azure/queue-run-message-base64.txt",
        "azure/queue-event-grid-event.json"
      })
  void detectedShapeGivesTheSameDeliveriesAsTheNamedCloud(String name) {
    Cloud cloud = Cloud.of(name.substring(0, name.indexOf('/')));
    byte[] payload = RecordedEvents.bytes(name);

    assertThat(EventParser.parse(payload, Optional.empty()))
        .isEqualTo(EventParser.parse(payload, Optional.of(cloud)));
  }

  @Test
  void anotherCloudsPayloadFailsNamingTheShapesTried() {
    byte[] payload = RecordedEvents.bytes("gcp/storage-object-finalized.json");

    assertThatThrownBy(() -> EventParser.parse(payload, Optional.of(Cloud.AWS)))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "The event payload matches none of the event shapes tried. Tried aws: SQS message"
                + " batch (Records[].eventSource aws:sqs); S3 event notification"
                + " (Records[].eventSource aws:s3, or Event s3:TestEvent); EventBridge S3 event"
                + " (source aws.s3, detail-type); SNS notification (Type Notification, Message);"
                + " run message ({\"flow\": ..., \"entity\": ...}).");
  }

  @Test
  void unknownJsonFailsNamingEveryCloudsShapes() {
    byte[] payload = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> EventParser.parse(payload, Optional.empty()))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith(
            "The event payload matches none of the event shapes tried. Tried aws: ")
        .hasMessageContaining(" | gcp: CloudEvent (specversion, type")
        .hasMessageContaining(" | azure: Event Grid event, one or an array (eventType, data)")
        .hasMessageEndingWith(". Pass --cloud aws|gcp|azure to try one cloud only.")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CONFIG);
  }

  @Test
  void textThatIsNeitherJsonNorBase64JsonFailsAsNotJson() {
    byte[] payload = "hello there".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> EventParser.parse(payload, Optional.empty()))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("The event payload is not JSON (")
        .hasMessageEndingWith("): expected a JSON event.");
  }

  @Test
  void anEmptyPayloadSaysSo() {
    assertThatThrownBy(() -> EventParser.parse(new byte[0], Optional.of(Cloud.GCP)))
        .isInstanceOf(HyggeException.class)
        .hasMessage("The event payload is empty: expected a JSON event.");
  }

  @Test
  void runMessageWithoutFlowFailsAsManualRunDoes() {
    byte[] payload = "{\"flow\": \"\", \"entity\": \"orders\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> EventParser.parse(payload, Optional.empty()))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "A manual run needs a flow: send {\"flow\": \"sales\", \"entity\": \"orders\"}"
                + " (entity is optional; without it every entity of the flow runs).");
  }

  @Test
  void wrongFieldTypeIsNamed() {
    byte[] payload =
        ("{\"Records\": [{\"eventSource\": \"aws:s3\", \"eventName\": \"ObjectCreated:Put\", \"s3\":"
                + " {\"bucket\": {\"name\": \"b\"}, \"object\": {\"key\": \"k\", \"size\":"
                + " \"big\"}}}]}")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> EventParser.parse(payload, Optional.of(Cloud.AWS)))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith(
            "Records[0].s3.object.size has the wrong type in the S3 event notification: ");
  }

  @Test
  void unknownCloudWordIsAConfigError() {
    assertThatThrownBy(() -> Cloud.of("ibm"))
        .isInstanceOf(HyggeException.class)
        .hasMessage("Unknown cloud 'ibm': use one of aws, gcp, azure.");
  }
}
