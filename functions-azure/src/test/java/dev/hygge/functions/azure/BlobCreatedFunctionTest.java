package dev.hygge.functions.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.Project;
import dev.hygge.config.ProjectLoader;
import dev.hygge.config.RunType;
import dev.hygge.state.EntityStateStep;
import dev.hygge.state.EntityStates;
import dev.hygge.testing.Azurite;
import dev.hygge.testing.RecordedEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls the {@code BlobCreated} function bean, as Quarkus builds it for the Functions host, with
 * the recorded Event Grid event pointed at a blob on Azurite (no Functions host runs here): the
 * blob's rows arrive in the lake, once however often the event is delivered; poison returns, a
 * failure a retry can help throws so Event Grid delivers again.
 */
@QuarkusTest
@TestProfile(SalesProject.Profile.class)
class BlobCreatedFunctionTest {
  private static final String ORDERS = "sales/orders/2026-01-31 orders.csv";

  private static Azurite azurite;
  private static AzureLanding landing;

  @Inject BlobCreatedFunction function;

  private Path project;

  @BeforeAll
  static void startAzurite() {
    azurite = Azurite.start();
    landing = new AzureLanding(azurite);
  }

  @AfterAll
  static void stopAzurite() throws Exception {
    SalesProject.PROJECT.delete();
    if (azurite != null) {
      azurite.close();
    }
  }

  @BeforeEach
  void createProject() throws Exception {
    project = landing.createProject();
  }

  @Test
  void theBlobOfTheEventArrivesInTheLakeOnceHoweverOftenItIsDelivered() throws Exception {
    String eTag = landing.put(ORDERS, dev.hygge.testing.SalesProject.ORDERS_CSV);
    String event = landing.blobCreatedEvent(ORDERS, eTag);

    function.run(event);
    function.run(event);

    assertThat(AzureLanding.lake(project, "orders", "SELECT count(*) || ' ' || sum(id)"))
        .isEqualTo("3 6");
    assertThat(AzureLanding.lakeFiles(project, "orders")).isEqualTo(1);
  }

  @Test
  void aBlobCreatedCloudEventLoadsItsBlobToo() throws Exception {
    String eTag = landing.put(ORDERS, dev.hygge.testing.SalesProject.ORDERS_CSV);

    function.run(landing.blobCreatedCloudEvent(ORDERS, eTag));
    function.run(landing.blobCreatedEvent(ORDERS, eTag));

    assertThat(AzureLanding.lake(project, "orders", "SELECT count(*) || ' ' || sum(id)"))
        .as("either schema names the same blob version: loaded once")
        .isEqualTo("3 6");
  }

  @Test
  void aSecondBlobAddsOnlyItsRows() throws Exception {
    function.run(landing.blobCreatedEvent(ORDERS, landing.put(ORDERS, "id,amount\n1,2.50\n")));
    String next = "sales/orders/2026-02-01.csv";
    function.run(landing.blobCreatedEvent(next, landing.put(next, "id,amount\n7,1.00\n8,2.00\n")));

    assertThat(AzureLanding.lake(project, "orders", "SELECT count(*) || ' ' || sum(id)"))
        .isEqualTo("3 16");
  }

  @Test
  void aCorruptBlobIsPoisonAndReturnsWithoutLoading() throws Exception {
    String eTag = landing.put(ORDERS, "id,amount,status\n1,12.50,paid\n2,7.25\n");

    function.run(landing.blobCreatedEvent(ORDERS, eTag));

    assertThat(AzureLanding.lakeFiles(project, "orders")).isZero();
  }

  @Test
  void aBlobNoEntityReadsIsPoisonAndReturns() throws Exception {
    String elsewhere = "crm/customers/1.csv";
    String eTag = landing.put(elsewhere, "id\n1\n");

    function.run(landing.blobCreatedEvent(elsewhere, eTag));

    assertThat(AzureLanding.lakeFiles(project, "orders")).isZero();
  }

  @Test
  void aDeletedBlobIsIgnored() {
    function.run(
        new String(
            RecordedEvents.bytes("azure/eventgrid-blob-deleted.json"), StandardCharsets.UTF_8));

    assertThat(project.resolve("lake")).doesNotExist();
  }

  @Test
  void aPayloadThatIsNoEventIsPoisonAndReturns() {
    function.run("{\"hello\": \"world\"}");

    assertThat(project.resolve("lake")).doesNotExist();
  }

  @Test
  void anEntityAnotherRunHoldsThrowsSoEventGridDeliversAgainAndTheRetryLoads() throws Exception {
    String event = landing.blobCreatedEvent(ORDERS, landing.put(ORDERS, "id,amount\n5,1.00\n"));
    Project loaded = ProjectLoader.load(project);

    try (EntityStates states = EntityStates.of(loaded);
        EntityStateStep other =
            states.step(
                loaded.flows().get(0).entities().get(0), RunType.INCREMENTAL, "run-elsewhere")) {
      other.begin();
      assertThatThrownBy(() -> function.run(event))
          .isInstanceOf(HyggeException.class)
          .hasMessageStartingWith(
              "BlobCreated failed where a retry can help, so the host delivers it again: "
                  + "831e1650-001e-001b-66ab-eeb76e069631 (")
          .hasMessageContaining("Entity sales.orders is already being run by run run-elsewhere")
          .extracting(e -> ((HyggeException) e).kind())
          .isEqualTo(ErrorKind.STATE);
    }
    assertThat(AzureLanding.lakeFiles(project, "orders")).isZero();

    function.run(event);

    assertThat(AzureLanding.lake(project, "orders", "SELECT count(*) || ' ' || sum(id)"))
        .isEqualTo("1 5");
  }
}
