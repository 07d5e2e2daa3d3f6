package dev.hygge.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.invoke.events.DeliveryResult;
import dev.hygge.invoke.events.EventOutcome;
import dev.hygge.invoke.events.ParsedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** SnapStart priming runs the whole path offline and leaves nothing behind. */
@QuarkusTest
@TestProfile(SalesProject.Profile.class)
class SnapStartPrimingTest {
  @Inject SnapStartPriming priming;

  @Test
  void primingLoadsItsTinyProjectAndRemovesIt() throws Exception {
    EventOutcome outcome = priming.prime();

    assertThat(outcome.shape()).isEqualTo(ParsedEvent.SQS_BATCH_SHAPE);
    assertThat(outcome.succeeded()).isTrue();
    DeliveryResult run = outcome.results().get(0);
    assertThat(run.status()).isEqualTo(DeliveryResult.DeliveryStatus.SUCCEEDED);
    assertThat(run.report().orElseThrow().entities().get(0).rows()).isEqualTo(2);
    try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.startsWith("hygge-prime"));
    }
  }
}
