package dev.hygge.invoke.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.invoke.Invocation;
import dev.hygge.storage.CreatedObject;
import dev.hygge.storage.Location;
import dev.hygge.testing.RecordedEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The recorded Azure payloads become the deliveries an Azure function runs. */
class AzureEventParsingTest {
  private static final Invocation.RunOptions DEFAULTS = Invocation.RunOptions.defaults();

  private static ParsedEvent parse(String name) {
    return EventParser.parse(RecordedEvents.bytes("azure/" + name), Optional.of(Cloud.AZURE));
  }

  private static Delivery.Run ordersCreated() {
    return new Delivery.Run(
        "831e1650-001e-001b-66ab-eeb76e069631",
        "az://landing/sales/orders/2026-01-31 orders.csv (account hyggelanding)",
        new Invocation.ObjectCreated(
            new CreatedObject(
                new Location(Location.AZ, "landing", "sales/orders/2026-01-31 orders.csv"),
                Optional.of("hyggelanding"),
                Optional.of("0x8D4BCC2E4835CD0"),
                OptionalLong.of(524288),
                Optional.of(Instant.parse("2026-01-31T12:00:00.9584103Z"))),
            DEFAULTS));
  }

  @Test
  void eventGridBlobCreatedIsTheBlobInItsAccount() {
    ParsedEvent event = parse("eventgrid-blob-created.json");

    assertThat(event.shape()).isEqualTo("Event Grid event array");
    assertThat(event.deliveries()).containsExactly(ordersCreated());
  }

  @Test
  void cloudEventsSchemaOnTheDataLakeEndpointIsTheSameAccount() {
    ParsedEvent event = parse("cloudevents-blob-created.json");

    assertThat(event.deliveries())
        .containsExactly(
            new Delivery.Run(
                "9aeb0fdf-c01e-0131-0922-9eb54906e209",
                "az://landing/sales/customers/customers.csv (account hyggelanding)",
                new Invocation.ObjectCreated(
                    new CreatedObject(
                        new Location(Location.AZ, "landing", "sales/customers/customers.csv"),
                        Optional.of("hyggelanding"),
                        Optional.of("0x8D76C39E4407334"),
                        OptionalLong.of(1200),
                        Optional.of(Instant.parse("2026-01-31T12:15:00.4589254Z"))),
                    DEFAULTS)));
  }

  @Test
  void blobDeletedIsIgnored() {
    assertThat(parse("eventgrid-blob-deleted.json").deliveries())
        .containsExactly(
            new Delivery.Ignored(
                "831e1650-001e-001b-66ab-eeb76e069632",
                "/blobServices/default/containers/landing/blobs/sales/orders/old.csv",
                "Microsoft.Storage.BlobDeleted does not create a blob"));
  }

  @Test
  void urlWithoutAStorageAccountFailsNamingTheField() {
    List<Delivery> deliveries = parse("eventgrid-bad-url.json").deliveries();

    assertThat(deliveries).hasSize(1);
    assertThat(((Delivery.Malformed) deliveries.get(0)).error())
        .hasMessage(
            "[0].data.url is 'https://example.com/landing' in the Event Grid event: the host names"
                + " no storage account (expected"
                + " https://<account>.blob.core.windows.net/<container>/<path>).");
  }

  @Test
  void storageQueueMessagesArePlainOrBase64() {
    assertThat(parse("queue-run-message-base64.txt").deliveries())
        .containsExactly(
            new Delivery.Run(
                "request",
                "run of flow sales, entity orders",
                new Invocation.Scheduled("sales", Optional.of("orders"), DEFAULTS)));
    assertThat(parse("queue-event-grid-event.json").deliveries()).containsExactly(ordersCreated());
  }

  @Test
  void httpBodyIsARunMessage() {
    assertThat(parse("http-run.json").deliveries())
        .containsExactly(
            new Delivery.Run(
                "request",
                "run of flow sales, entity orders",
                new Invocation.Scheduled("sales", Optional.of("orders"), DEFAULTS)));
  }

  @Test
  void azuriteUrlsArePathStyle() {
    String event =
        "{\"id\": \"e1\", \"eventType\": \"Microsoft.Storage.BlobCreated\", \"subject\": \"s\","
            + " \"eventTime\": \"2026-01-31T12:00:00Z\", \"data\": {\"url\":"
            + " \"http://127.0.0.1:10000/devstoreaccount1/landing/a%20b.csv\", \"eTag\": \"0x1\","
            + " \"contentLength\": 3}}";

    assertThat(
            EventParser.parse(event.getBytes(StandardCharsets.UTF_8), Optional.of(Cloud.AZURE))
                .deliveries())
        .containsExactly(
            new Delivery.Run(
                "e1",
                "az://landing/a b.csv (account devstoreaccount1)",
                new Invocation.ObjectCreated(
                    new CreatedObject(
                        new Location(Location.AZ, "landing", "a b.csv"),
                        Optional.of("devstoreaccount1"),
                        Optional.of("0x1"),
                        OptionalLong.of(3),
                        Optional.of(Instant.parse("2026-01-31T12:00:00Z"))),
                    DEFAULTS)));
  }
}
