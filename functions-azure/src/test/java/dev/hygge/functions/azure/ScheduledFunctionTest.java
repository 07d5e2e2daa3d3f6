package dev.hygge.functions.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls the {@code Scheduled} function bean with the timer information the host passes (no
 * Functions host runs here): without a fan-out queue, the flow {@code HYGGE_SCHEDULE_FLOW} runs
 * here, every entity of it.
 */
@QuarkusTest
@TestProfile(SalesProject.Profile.class)
class ScheduledFunctionTest {
  private static final String TIMER =
      "{\"Schedule\":{\"AdjustForDST\":true},\"ScheduleStatus\":{\"Last\":\"2026-01-31T11:00:00"
          + "+00:00\",\"Next\":\"2026-01-31T13:00:00+00:00\",\"LastUpdated\":\"2026-01-31T12:00:00"
          + "+00:00\"},\"IsPastDue\":false}";

  @Inject ScheduledFunction function;
  @Inject AzureEventHandler handler;
  @Inject ObjectMapper mapper;

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
  void theScheduleRunsTheConfiguredFlow() throws Exception {
    function.run(TIMER);

    assertThat(AzureLanding.lake(project, "orders", "SELECT count(*)"))
        .isEqualTo(Integer.toString(SalesProject.ORDER_ROWS));
  }

  @Test
  void withoutAFlowToRunTheScheduleFailsNamingTheSetting() {
    ScheduledFunction unset = new ScheduledFunction(handler, mapper, Optional.of(" "));

    assertThatThrownBy(() -> unset.run(TIMER))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "Scheduled has no flow to run: set the app setting HYGGE_SCHEDULE_FLOW to a flow of"
                + " the project, e.g. sales.")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CONFIG);
    assertThat(project.resolve("lake")).doesNotExist();
  }
}
