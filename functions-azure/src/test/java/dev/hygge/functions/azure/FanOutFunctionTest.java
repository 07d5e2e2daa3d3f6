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
import dev.hygge.testing.RecordedEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls the {@code FanOut} function bean with queue message text as the host passes it (no
 * Functions host runs here), on the local sales project: plain and base64 run messages run their
 * entity; poison messages return, so the host removes them; a failure a retry can help throws, so
 * the host makes the message visible again.
 */
@QuarkusTest
@TestProfile(SalesProject.Profile.class)
class FanOutFunctionTest {
  @Inject FanOutFunction function;

  private Path project;

  @BeforeEach
  void createProject() throws Exception {
    project = SalesProject.PROJECT.create();
  }

  @AfterAll
  static void deleteProject() throws Exception {
    SalesProject.PROJECT.delete();
  }

  @Test
  void aPlainRunMessageRunsItsEntity() throws Exception {
    function.run("{\"flow\": \"sales\", \"entity\": \"orders\"}");

    assertThat(AzureLanding.lake(project, "orders", "SELECT count(*) || ' ' || sum(amount)"))
        .isEqualTo(SalesProject.ORDER_ROWS + " 59.75");
  }

  @Test
  void aBase64RunMessageRunsItsEntity() throws Exception {
    function.run(
        new String(
            RecordedEvents.bytes("azure/queue-run-message-base64.txt"), StandardCharsets.UTF_8));

    assertThat(AzureLanding.lake(project, "orders", "SELECT count(*)"))
        .isEqualTo(Integer.toString(SalesProject.ORDER_ROWS));
  }

  @Test
  void aMessageForAnUnknownEntityIsPoisonAndReturns() {
    function.run("{\"flow\": \"sales\", \"entity\": \"refunds\"}");

    assertThat(project.resolve("lake")).doesNotExist();
  }

  @Test
  void aMessageThatIsNotJsonIsPoisonAndReturns() {
    function.run("run sales please");

    assertThat(project.resolve("lake")).doesNotExist();
  }

  @Test
  void aCorruptFileIsPoisonAndReturns() throws Exception {
    project = SalesProject.PROJECT.create("id,amount,status\n1,12.50,paid\n2,7.25\n");

    function.run("{\"flow\": \"sales\", \"entity\": \"orders\"}");

    assertThat(project.resolve("lake/orders")).doesNotExist();
  }

  @Test
  void anEntityAnotherRunHoldsThrowsSoTheMessageReturnsAndTheNextDeliveryRuns() throws Exception {
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: fn
        flows:
          sales:
            home: {type: csv, path: landing}
            store: {type: parquet, path: lake}
            run_type: incremental
            entities: [orders]
        """);
    Project loaded = ProjectLoader.load(project);
    String message = "{\"flow\": \"sales\", \"entity\": \"orders\"}";

    try (EntityStates states = EntityStates.of(loaded);
        EntityStateStep other =
            states.step(
                loaded.flows().get(0).entities().get(0), RunType.INCREMENTAL, "run-elsewhere")) {
      other.begin();
      assertThatThrownBy(() -> function.run(message))
          .isInstanceOf(HyggeException.class)
          .hasMessageStartingWith(
              "FanOut failed where a retry can help, so the host delivers it again:")
          .hasMessageContaining("already being run by run run-elsewhere")
          .extracting(e -> ((HyggeException) e).kind())
          .isEqualTo(ErrorKind.STATE);
    }
    assertThat(project.resolve("lake/orders")).doesNotExist();

    function.run(message);

    assertThat(AzureLanding.lake(project, "orders", "SELECT count(*)"))
        .isEqualTo(Integer.toString(SalesProject.ORDER_ROWS));
  }
}
