package dev.hygge.invoke.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.invoke.Invocation;
import dev.hygge.storage.CreatedObject;
import dev.hygge.storage.Location;
import dev.hygge.testing.RecordedEvents;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The recorded AWS payloads become the deliveries a Lambda function runs. */
class AwsEventParsingTest {
  private static final Invocation.RunOptions DEFAULTS = Invocation.RunOptions.defaults();

  private static ParsedEvent parse(String name) {
    return EventParser.parse(RecordedEvents.bytes("aws/" + name), Optional.of(Cloud.AWS));
  }

  private static Delivery.Run created(String id, String key, String etag, long size, String time) {
    CreatedObject object =
        new CreatedObject(
            new Location(Location.S3, "hygge-landing", key),
            Optional.empty(),
            Optional.of(etag),
            OptionalLong.of(size),
            Optional.of(Instant.parse(time)));
    return new Delivery.Run(
        id, "s3://hygge-landing/" + key, new Invocation.ObjectCreated(object, DEFAULTS));
  }

  @Test
  void s3NotificationDecodesTheFormEncodedKey() {
    ParsedEvent event = parse("s3-object-created.json");

    assertThat(event.shape()).isEqualTo("S3 event notification");
    assertThat(event.deliveries())
        .containsExactly(
            created(
                "Records[0]",
                "sales/orders/2026-01-31 orders(1).csv",
                "0123456789abcdef0123456789abcdef",
                1024,
                "2026-01-31T12:00:00Z"));
  }

  @Test
  void removedObjectsAndTheTestEventAreIgnored() {
    assertThat(parse("s3-object-removed.json").deliveries())
        .containsExactly(
            new Delivery.Ignored(
                "Records[0]",
                "s3://hygge-landing/sales/orders/old.csv",
                "event ObjectRemoved:Delete does not create an object"));
    assertThat(parse("s3-test-event.json").deliveries())
        .containsExactly(
            new Delivery.Ignored(
                "event",
                "s3://hygge-landing",
                "s3:TestEvent only checks that notifications reach the function: nothing to load"));
  }

  @Test
  void missingKeyMakesTheRecordMalformedNamingTheField() {
    List<Delivery> deliveries = parse("s3-missing-key.json").deliveries();

    assertThat(deliveries).hasSize(1);
    Delivery.Malformed malformed = (Delivery.Malformed) deliveries.get(0);
    assertThat(malformed.id()).isEqualTo("Records[0]");
    assertThat(malformed.error())
        .hasMessage("Records[0].s3.object.key is missing in the S3 event notification.");
  }

  @Test
  void eventBridgeObjectCreatedKeepsTheKeyAsItIs() {
    ParsedEvent event = parse("eventbridge-object-created.json");

    assertThat(event.shape()).isEqualTo("EventBridge S3 event");
    assertThat(event.deliveries())
        .containsExactly(
            created(
                "17793124-05d4-b198-2fde-7ededc63b103",
                "sales/orders/2026-01-31 orders+extra.csv",
                "b1946ac92492d2347c6235b4d2611184",
                2048,
                "2026-01-31T12:05:00Z"));
  }

  @Test
  void eventBridgeObjectDeletedIsIgnored() {
    assertThat(parse("eventbridge-object-deleted.json").deliveries())
        .containsExactly(
            new Delivery.Ignored(
                "17793124-05d4-b198-2fde-7ededc63b103",
                "s3://hygge-landing/sales/orders/old.csv",
                "detail-type Object Deleted does not create an object"));
  }

  @Test
  void schedulerAndDirectInvocationsAreRunMessages() {
    assertThat(parse("scheduler-run-flow.json").deliveries())
        .containsExactly(
            new Delivery.Run(
                "request",
                "run of flow sales (every entity)",
                new Invocation.Scheduled("sales", Optional.empty(), DEFAULTS)));
    assertThat(parse("direct-run-entity.json").deliveries())
        .containsExactly(
            new Delivery.Run(
                "request",
                "run of flow sales, entity orders",
                new Invocation.Scheduled("sales", Optional.of("orders"), DEFAULTS)));
  }

  @Test
  void sqsBatchCarriesEveryBodyShapeByMessageId() {
    ParsedEvent event = parse("sqs-batch.json");

    assertThat(event.shape()).isEqualTo("SQS message batch");
    assertThat(event.deliveries())
        .containsExactly(
            created(
                "059f36b4-87a3-44ab-83d2-661975830a7d",
                "sales/orders/part=1/orders.csv",
                "9b2cf535f27731c974343645a3985328-2",
                4096,
                "2026-01-31T12:00:00Z"),
            created(
                "2e1424d4-f796-459a-8184-9c92662be6da",
                "sales/orders/2026-01-31 orders+extra.csv",
                "b1946ac92492d2347c6235b4d2611184",
                2048,
                "2026-01-31T12:05:00Z"),
            created(
                "4c4a1f8e-1b4e-4a8b-9a61-0f4fd2b7c1a3",
                "sales/customers/customers.csv",
                "d41d8cd98f00b204e9800998ecf8427e",
                512,
                "2026-01-31T12:00:00Z"),
            new Delivery.Run(
                "8f3e0a52-6a55-4c0c-8a3b-2a1f5d1e7b90",
                "run of flow sales, entity orders",
                new Invocation.Scheduled("sales", Optional.of("orders"), DEFAULTS)));
  }

  @Test
  void oneBadSqsMessageFailsOnlyItself() {
    List<Delivery> deliveries = parse("sqs-batch-one-bad.json").deliveries();

    assertThat(deliveries).hasSize(4);
    assertThat(deliveries.get(0)).isInstanceOf(Delivery.Run.class);
    Delivery.Malformed notJson = (Delivery.Malformed) deliveries.get(1);
    assertThat(notJson.id()).isEqualTo("1c8b3e58-8a5d-4c7a-8e4f-2d3c4b5e6f70");
    assertThat(notJson.error().getMessage())
        .startsWith(
            "Records[1].body of SQS message 1c8b3e58-8a5d-4c7a-8e4f-2d3c4b5e6f70 is not JSON (")
        .endsWith("): expected a JSON event.");
    Delivery.Malformed noKey = (Delivery.Malformed) deliveries.get(2);
    assertThat(noKey.id()).isEqualTo("2d7c4f69-9b6e-4d8b-9f5a-3e4d5c6f7a81");
    assertThat(noKey.error())
        .hasMessage(
            "Records[2].body.Records[0].s3.object.key is missing in the S3 event notification.");
    assertThat(deliveries.get(3))
        .isEqualTo(
            new Delivery.Ignored(
                "3e6d5a7a-ac7f-4e9c-a06b-4f5e6d7a8b92",
                "s3://hygge-landing",
                "s3:TestEvent only checks that notifications reach the function: nothing to load"));
  }
}
